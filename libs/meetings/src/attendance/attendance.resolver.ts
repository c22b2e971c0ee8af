import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, Allow, CurrentActor, type GqlContext } from '../../../core/src/index.js';
import { AllianceService, PartnerModel } from '../../../alliance/src/index.js';
import { UserModel, UsersService } from '../../../identity/src/index.js';
import { RecordAttendanceInput } from '../meetings/meeting.inputs.js';
import { AttendanceModel } from '../meetings/meeting.models.js';
import { RUNS } from '../meetings/meeting.rules.js';
import { AttendanceService } from './attendance.service.js';

@Resolver(() => AttendanceModel)
export class AttendanceResolver {
  constructor(
    private readonly attendance: AttendanceService,
    private readonly alliances: AllianceService,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => AttendanceModel)
  @Allow.signedIn(RUNS)
  recordAttendance(@CurrentActor() actor: Actor, @Args('input') input: RecordAttendanceInput) {
    return this.attendance.record(actor, input);
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
