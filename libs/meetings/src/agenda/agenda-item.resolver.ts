import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, Allow, CurrentActor, type GqlContext } from '../../../core/src/index.js';
import { AllianceService, PartnerModel } from '../../../alliance/src/index.js';
import { DecisionsService } from '../decisions/decisions.service.js';
import { AddAgendaItemInput, UpdateAgendaItemInput } from '../meetings/meeting.inputs.js';
import { AgendaItemModel, DecisionModel, MeetingModel } from '../meetings/meeting.models.js';
import { PLANS } from '../meetings/meeting.rules.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { AgendaService } from './agenda.service.js';

@Resolver(() => AgendaItemModel)
export class AgendaItemResolver {
  constructor(
    private readonly agenda: AgendaService,
    private readonly decisions: DecisionsService,
    private readonly alliances: AllianceService,
    private readonly meetings: MeetingsService,
  ) {}

  @Mutation(() => AgendaItemModel, {
    description:
      'Adds an agenda item until the meeting is closed; afterwards CONFLICT with extensions.reason AGENDA_CLOSED.',
  })
  @Allow.signedIn(`${PLANS}; until the meeting is closed`)
  addAgendaItem(@CurrentActor() actor: Actor, @Args('input') input: AddAgendaItemInput) {
    return this.agenda.add(actor, input);
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
    return this.agenda.update(actor, id, input);
  }

  @Mutation(() => MeetingModel, {
    description:
      'Removes an agenda item without decisions until the meeting is closed; the items after it move up.',
  })
  @Allow.signedIn(`${PLANS}; until the meeting is closed`)
  removeAgendaItem(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.agenda.remove(actor, id);
  }

  @ResolveField(() => PartnerModel, { nullable: true })
  presenter(@Parent() a: AgendaItemModel, @Context() ctx: GqlContext) {
    return a.presenterPartnerId ? this.alliances.partnerLoader(ctx.loaders).load(a.presenterPartnerId) : null;
  }

  @ResolveField(() => MeetingModel, {
    nullable: true,
    description: 'The earlier meeting whose minutes an ADOPTED decision under this item approves.',
  })
  approvesMinutesOf(@Parent() a: AgendaItemModel, @Context() ctx: GqlContext) {
    return a.approvesMinutesOfId
      ? this.meetings.meetingLoader(ctx.loaders).load(a.approvesMinutesOfId)
      : null;
  }

  @ResolveField('decisions', () => [DecisionModel])
  async agendaItemDecisions(@Parent() a: AgendaItemModel, @Context() ctx: GqlContext) {
    // An item's decisions are recorded in its meeting: the meeting's decisions (one batch for the
    // whole page, shared with Meeting.decisions), in the same order.
    const ofMeeting = await this.decisions.decisionsOfMeetingLoader(ctx.loaders).load(a.meetingId);
    return ofMeeting.filter((d) => d.agendaItemId === a.id);
  }
}
