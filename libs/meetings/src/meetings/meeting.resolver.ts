import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, Allow, CurrentActor, type GqlContext } from '../../../core/src/index.js';
import { AllianceModel, AllianceService, PartnerModel } from '../../../alliance/src/index.js';
import { UserModel, UsersService } from '../../../identity/src/index.js';
import { AgendaService } from '../agenda/agenda.service.js';
import { AttendanceService } from '../attendance/attendance.service.js';
import { DecisionsService } from '../decisions/decisions.service.js';
import { minutesOf } from '../minutes/minutes.service.js';
import { MeetingStatus } from './meeting.enums.js';
import { ScheduleMeetingInput, UpdateMeetingInput } from './meeting.inputs.js';
import {
  AgendaItemModel,
  AttendanceModel,
  DecisionModel,
  MeetingModel,
  MinutesModel,
} from './meeting.models.js';
import { PLANS, RUNS } from './meeting.rules.js';
import { MeetingsService } from './meetings.service.js';

@Resolver(() => MeetingModel)
export class MeetingResolver {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly agendaService: AgendaService,
    private readonly attendanceService: AttendanceService,
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
  listMeetings(
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
    return this.agendaService.agendaLoader(ctx.loaders).load(m.id);
  }

  @ResolveField(() => [AttendanceModel])
  attendance(@Parent() m: MeetingModel, @Context() ctx: GqlContext) {
    return this.attendanceService.attendanceLoader(ctx.loaders).load(m.id);
  }

  @ResolveField(() => Boolean, {
    description:
      "Whether the partners present meet the alliance's quorum (more than half of the invited partners by default).",
  })
  quorate(@Parent() m: MeetingModel, @Context() ctx: GqlContext) {
    return this.meetings.quorateLoader(ctx.loaders).load(m.id);
  }

  @ResolveField('decisions', () => [DecisionModel])
  meetingDecisions(@Parent() m: MeetingModel, @Context() ctx: GqlContext) {
    return this.decisions.decisionsOfMeetingLoader(ctx.loaders).load(m.id);
  }

  @ResolveField(() => MinutesModel, { nullable: true })
  minutes(@Parent() m: MeetingModel) {
    return minutesOf(m as any);
  }
}
