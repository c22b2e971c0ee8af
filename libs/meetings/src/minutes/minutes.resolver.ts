import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, Allow, CurrentActor, type GqlContext } from '../../../core/src/index.js';
import { UserModel, UsersService } from '../../../identity/src/index.js';
import { DecisionsService } from '../decisions/decisions.service.js';
import { DecisionModel, MinutesModel } from '../meetings/meeting.models.js';
import { RUNS } from '../meetings/meeting.rules.js';
import { MinutesService } from './minutes.service.js';

@Resolver(() => MinutesModel)
export class MinutesResolver {
  constructor(
    private readonly minutes: MinutesService,
    private readonly users: UsersService,
    private readonly decisions: DecisionsService,
  ) {}

  @Mutation(() => MinutesModel, { description: 'Saves the Markdown draft while the meeting is ADJOURNED.' })
  @Allow.signedIn(RUNS)
  saveMinutes(
    @CurrentActor() actor: Actor,
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('text') text: string,
  ) {
    return this.minutes.save(actor, meetingId, text);
  }

  @Mutation(() => MinutesModel, {
    description: 'Makes meeting, agenda, attendance, decisions and minutes final.',
  })
  @Allow.signedIn(RUNS)
  approveMinutes(@CurrentActor() actor: Actor, @Args('meetingId', { type: () => ID }) meetingId: string) {
    return this.minutes.approve(actor, meetingId);
  }

  @ResolveField(() => UserModel, { nullable: true })
  approvedBy(@Parent() m: MinutesModel, @Context() ctx: GqlContext) {
    return m.approvedById ? this.users.userLoader(ctx.loaders).load(m.approvedById) : null;
  }

  @ResolveField(() => UserModel, {
    nullable: true,
    description: 'The minute-taker: who last saved the draft.',
  })
  savedBy(@Parent() m: MinutesModel, @Context() ctx: GqlContext) {
    return m.savedById ? this.users.userLoader(ctx.loaders).load(m.savedById) : null;
  }

  @ResolveField(() => DecisionModel, {
    nullable: true,
    description:
      'The adopted decision of a later meeting that approved the minutes (as an agenda item); null when the facilitator approved them.',
  })
  approvalDecision(@Parent() m: MinutesModel, @Context() ctx: GqlContext) {
    return m.approvalDecisionId
      ? this.decisions.decisionLoader(ctx.loaders).load(m.approvalDecisionId)
      : null;
  }
}
