import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, Allow, CurrentActor, type GqlContext } from '../../../core/src/index.js';
import { UserModel, UsersService } from '../../../identity/src/index.js';
import { TaskModel, TaskService } from '../../../coordination/src/index.js';
import { AgendaService } from '../agenda/agenda.service.js';
import {
  AddFollowUpTasksInput,
  AmendDecisionInput,
  CorrectDecisionInput,
  RecordDecisionInput,
} from '../meetings/meeting.inputs.js';
import {
  AgendaItemModel,
  DecisionConnection,
  DecisionModel,
  MeetingModel,
} from '../meetings/meeting.models.js';
import { RUNS } from '../meetings/meeting.rules.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { DecisionsService } from './decisions.service.js';

@Resolver(() => DecisionModel)
export class DecisionResolver {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly agenda: AgendaService,
    private readonly decisions: DecisionsService,
    private readonly users: UsersService,
    private readonly tasks: TaskService,
  ) {}

  @Query(() => DecisionModel, { nullable: true })
  @Allow.signedIn('members of the alliance; null for everyone else')
  decision(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.decisions.get(actor, id);
  }

  @Query(() => DecisionConnection, { name: 'decisions' })
  @Allow.signedIn('members of the alliance; empty for everyone else')
  listDecisions(
    @CurrentActor() actor: Actor,
    @Args('allianceId', { type: () => ID }) allianceId: string,
    @Args('search', { type: () => String, nullable: true }) search?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    return this.decisions.list(actor, allianceId, search, first, after);
  }

  @Mutation(() => DecisionModel)
  @Allow.signedIn(RUNS)
  recordDecision(@CurrentActor() actor: Actor, @Args('input') input: RecordDecisionInput) {
    return this.decisions.record(actor, input);
  }

  @Mutation(() => DecisionModel, {
    description: 'Allowed until the minutes are approved; afterwards CONFLICT (use amendDecision).',
  })
  @Allow.signedIn(RUNS)
  correctDecision(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: CorrectDecisionInput,
  ) {
    return this.decisions.correct(actor, id, input);
  }

  @Mutation(() => DecisionModel, {
    description: "Adds follow-up tasks to a decision until its meeting's minutes are approved.",
  })
  @Allow.signedIn(RUNS)
  addFollowUpTasks(@CurrentActor() actor: Actor, @Args('input') input: AddFollowUpTasksInput) {
    return this.decisions.addFollowUpTasks(actor, input);
  }

  @Mutation(() => DecisionModel)
  @Allow.signedIn(`${RUNS} (of the later meeting)`)
  amendDecision(@CurrentActor() actor: Actor, @Args('input') input: AmendDecisionInput) {
    return this.decisions.amend(actor, input);
  }

  @ResolveField(() => MeetingModel)
  meeting(@Parent() d: DecisionModel, @Context() ctx: GqlContext) {
    return this.meetings.meetingLoader(ctx.loaders).load(d.meetingId);
  }

  @ResolveField(() => AgendaItemModel, { nullable: true })
  agendaItem(@Parent() d: DecisionModel, @Context() ctx: GqlContext) {
    return d.agendaItemId ? this.agenda.agendaItemLoader(ctx.loaders).load(d.agendaItemId) : null;
  }

  @ResolveField(() => DecisionModel, {
    nullable: true,
    description: 'The earlier decision that this one amends or corrects.',
  })
  amends(@Parent() d: DecisionModel, @Context() ctx: GqlContext) {
    return d.amendsId ? this.decisions.decisionLoader(ctx.loaders).load(d.amendsId) : null;
  }

  @ResolveField(() => [DecisionModel])
  amendedBy(@Parent() d: DecisionModel, @Context() ctx: GqlContext) {
    return this.decisions.amendedByLoader(ctx.loaders).load(d.id);
  }

  @ResolveField(() => UserModel)
  recordedBy(@Parent() d: DecisionModel, @Context() ctx: GqlContext) {
    return this.users.userLoader(ctx.loaders).load(d.recordedById);
  }

  @ResolveField(() => [TaskModel])
  followUpTasks(@Parent() d: DecisionModel, @Context() ctx: GqlContext) {
    return this.tasks.tasksByDecisionLoader(ctx.loaders).load(d.id);
  }
}
