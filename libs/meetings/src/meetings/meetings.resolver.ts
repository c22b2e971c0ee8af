import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, Allow, CurrentActor, type GqlContext } from '../../../core/src/index.js';
import { AllianceModel, AllianceService, PartnerModel } from '../../../alliance/src/index.js';
import { UserModel, UsersService } from '../../../identity/src/index.js';
import { TaskModel, TaskService } from '../../../coordination/src/index.js';
import { DecisionsService } from './decisions.service.js';
import { MeetingStatus } from './meeting.enums.js';
import {
  AddAgendaItemInput,
  AmendDecisionInput,
  CorrectDecisionInput,
  AddFollowUpTasksInput,
  RecordAttendanceInput,
  RecordDecisionInput,
  ScheduleMeetingInput,
  UpdateAgendaItemInput,
  UpdateMeetingInput,
} from './meeting.inputs.js';
import {
  AgendaItemModel,
  AttendanceModel,
  DecisionConnection,
  DecisionModel,
  MeetingModel,
  MinutesModel,
} from './meeting.models.js';
import { MeetingsService, minutesOf } from './meetings.service.js';

const RUNS =
  "the meeting's facilitator (a FACILITATOR or COORDINATOR member) or a COORDINATOR of its alliance, while the meeting allows it";
const PLANS = 'COORDINATOR of the alliance; a FACILITATOR for meetings they facilitate';

@Resolver(() => MeetingModel)
export class MeetingResolver {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly decisions: DecisionsService,
    private readonly alliances: AllianceService,
    private readonly users: UsersService,
  ) {}

  @Query(() => MeetingModel, { nullable: true })
  @Allow.signedIn('members of the alliance; null for everyone else')
  meeting(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.meetings.get(actor, id);
  }

  @Query(() => [MeetingModel], { name: 'meetings', description: 'Meetings starting in [from, to).' })
  @Allow.signedIn('members of the alliance; empty for everyone else')
  meetings_(
    @CurrentActor() actor: Actor,
    @Args('allianceId', { type: () => ID }) allianceId: string,
    @Args('from', { type: () => Date, nullable: true }) from?: Date,
    @Args('to', { type: () => Date, nullable: true }) to?: Date,
    @Args('status', { type: () => [MeetingStatus], nullable: true }) status?: MeetingStatus[],
  ) {
    return this.meetings.list(actor, allianceId, from, to, status);
  }

  @Mutation(() => MeetingModel)
  @Allow.signedIn(PLANS)
  scheduleMeeting(@CurrentActor() actor: Actor, @Args('input') input: ScheduleMeetingInput) {
    return this.meetings.schedule(actor, input);
  }

  @Mutation(() => MeetingModel)
  @Allow.signedIn(`${PLANS}; until the minutes are approved`)
  updateMeeting(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateMeetingInput,
  ) {
    return this.meetings.update(actor, id, input);
  }

  @Mutation(() => MeetingModel)
  @Allow.signedIn(`${PLANS}; only before it starts`)
  cancelMeeting(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String, nullable: true }) reason?: string,
  ) {
    return this.meetings.cancel(actor, id, reason);
  }

  @Mutation(() => MeetingModel)
  @Allow.signedIn(RUNS)
  startMeeting(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.meetings.start(actor, id);
  }

  @Mutation(() => MeetingModel)
  @Allow.signedIn(RUNS)
  adjournMeeting(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.meetings.adjourn(actor, id);
  }

  @ResolveField(() => AllianceModel)
  alliance(@Parent() m: MeetingModel, @Context() ctx: GqlContext) {
    return this.alliances.allianceLoader(ctx.loaders).load(m.allianceId);
  }

  @ResolveField(() => UserModel)
  facilitator(@Parent() m: MeetingModel, @Context() ctx: GqlContext) {
    return this.users.userLoader(ctx.loaders).load(m.facilitatorId);
  }

  @ResolveField(() => [PartnerModel])
  async invitedPartners(@Parent() m: MeetingModel, @Context() ctx: GqlContext) {
    const ids = await this.meetings.invitedPartnerIdsLoader(ctx.loaders).load(m.id);
    return (await this.alliances.partnerLoader(ctx.loaders).loadMany(ids)).filter(
      (p) => p && !(p instanceof Error),
    );
  }

  @ResolveField(() => [AgendaItemModel])
  agenda(@Parent() m: MeetingModel, @Context() ctx: GqlContext) {
    return this.meetings.agendaLoader(ctx.loaders).load(m.id);
  }

  @ResolveField(() => [AttendanceModel])
  attendance(@Parent() m: MeetingModel, @Context() ctx: GqlContext) {
    return this.meetings.attendanceLoader(ctx.loaders).load(m.id);
  }

  @ResolveField(() => Boolean, {
    description:
      "Whether the partners present meet the alliance's quorum (more than half of the invited partners by default).",
  })
  quorate(@Parent() m: MeetingModel, @Context() ctx: GqlContext) {
    return this.meetings.quorateLoader(ctx.loaders).load(m.id);
  }

  @ResolveField('decisions', () => [DecisionModel])
  decisions_(@Parent() m: MeetingModel, @Context() ctx: GqlContext) {
    return this.decisions.decisionsOfMeetingLoader(ctx.loaders).load(m.id);
  }

  @ResolveField(() => MinutesModel, { nullable: true })
  minutes(@Parent() m: MeetingModel) {
    return minutesOf(m as any);
  }
}

@Resolver(() => AgendaItemModel)
export class AgendaItemResolver {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly decisions: DecisionsService,
    private readonly alliances: AllianceService,
  ) {}

  @Mutation(() => AgendaItemModel)
  @Allow.signedIn(`${PLANS}; until the minutes are approved`)
  addAgendaItem(@CurrentActor() actor: Actor, @Args('input') input: AddAgendaItemInput) {
    return this.meetings.addAgendaItem(actor, input);
  }

  @Mutation(() => AgendaItemModel, {
    description: 'Changes or moves an agenda item until the minutes are approved.',
  })
  @Allow.signedIn(`${PLANS}; until the minutes are approved`)
  updateAgendaItem(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateAgendaItemInput,
  ) {
    return this.meetings.updateAgendaItem(actor, id, input);
  }

  @Mutation(() => MeetingModel, {
    description: 'Removes an agenda item without decisions; the items after it move up.',
  })
  @Allow.signedIn(`${PLANS}; until the minutes are approved`)
  removeAgendaItem(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.meetings.removeAgendaItem(actor, id);
  }

  @ResolveField(() => PartnerModel, { nullable: true })
  presenter(@Parent() a: AgendaItemModel, @Context() ctx: GqlContext) {
    return a.presenterPartnerId ? this.alliances.partnerLoader(ctx.loaders).load(a.presenterPartnerId) : null;
  }

  @ResolveField('decisions', () => [DecisionModel])
  decisions_(@Parent() a: AgendaItemModel, @Context() ctx: GqlContext) {
    return this.decisions.decisionsOfAgendaItemLoader(ctx.loaders).load(a.id);
  }
}

@Resolver(() => AttendanceModel)
export class AttendanceResolver {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly alliances: AllianceService,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => AttendanceModel)
  @Allow.signedIn(RUNS)
  recordAttendance(@CurrentActor() actor: Actor, @Args('input') input: RecordAttendanceInput) {
    return this.meetings.recordAttendance(actor, input);
  }

  @ResolveField(() => PartnerModel)
  partner(@Parent() a: AttendanceModel, @Context() ctx: GqlContext) {
    return this.alliances.partnerLoader(ctx.loaders).load(a.partnerId);
  }

  @ResolveField(() => [UserModel], { description: 'The people who represented the partner.' })
  async attendees(@Parent() a: AttendanceModel, @Context() ctx: GqlContext) {
    return (await this.users.userLoader(ctx.loaders).loadMany(a.attendeeIds)).filter(
      (u) => u && !(u instanceof Error),
    );
  }
}

@Resolver(() => DecisionModel)
export class DecisionResolver {
  constructor(
    private readonly meetings: MeetingsService,
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
  decisions_(
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
    return d.agendaItemId ? this.meetings.agendaItemLoader(ctx.loaders).load(d.agendaItemId) : null;
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

/** `Task.decision` joins coordination's Task to this context's Decision (meetings depends on coordination). */
@Resolver(() => TaskModel)
export class TaskDecisionResolver {
  constructor(private readonly decisions: DecisionsService) {}

  @ResolveField(() => DecisionModel, {
    nullable: true,
    description: 'The meeting decision this task follows up, if any.',
  })
  decision(@Parent() t: TaskModel, @Context() ctx: GqlContext) {
    return t.decisionId ? this.decisions.decisionLoader(ctx.loaders).load(t.decisionId) : null;
  }
}

@Resolver(() => MinutesModel)
export class MinutesResolver {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => MinutesModel, { description: 'Saves the Markdown draft while the meeting is ADJOURNED.' })
  @Allow.signedIn(RUNS)
  saveMinutes(
    @CurrentActor() actor: Actor,
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('text') text: string,
  ) {
    return this.meetings.saveMinutes(actor, meetingId, text);
  }

  @Mutation(() => MinutesModel, {
    description: 'Makes meeting, agenda, attendance, decisions and minutes final.',
  })
  @Allow.signedIn(RUNS)
  approveMinutes(@CurrentActor() actor: Actor, @Args('meetingId', { type: () => ID }) meetingId: string) {
    return this.meetings.approveMinutes(actor, meetingId);
  }

  @ResolveField(() => UserModel, { nullable: true })
  approvedBy(@Parent() m: MinutesModel, @Context() ctx: GqlContext) {
    return m.approvedById ? this.users.userLoader(ctx.loaders).load(m.approvedById) : null;
  }
}
