import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, Allow, CurrentActor, type GqlContext } from '../../../core/src/index.js';
import { UserModel, UsersService } from '../../../identity/src/index.js';
import { MinutesModel } from '../meetings/meeting.models.js';
import { RUNS } from '../meetings/meeting.rules.js';
import { MinutesService } from './minutes.service.js';

@Resolver(() => MinutesModel)
export class MinutesResolver {
  constructor(
    private readonly minutes: MinutesService,
    private readonly users: UsersService,
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
}
