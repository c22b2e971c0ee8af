import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, Allow, CurrentActor, type GqlContext } from '../../../core/src/index.js';
import { MeetingModel } from '../meetings/meeting.models.js';
import { canRun } from '../meetings/meetings.service.js';
import { MeetingPublicationService } from './meeting-publication.service.js';

@Resolver(() => MeetingModel)
export class MeetingPublicationResolver {
  constructor(private readonly publication: MeetingPublicationService) {}

  @Mutation(() => MeetingModel, {
    description:
      "Marks a meeting public or not (default: not). With the alliance's public record on, a public meeting, its agenda, decisions and approved minutes are published through OParl; never attendance or persons.",
  })
  @Allow.signedIn(
    "the meeting's facilitator (a FACILITATOR or COORDINATOR member) or a COORDINATOR of its alliance, at any time",
  )
  setMeetingPublic(
    @CurrentActor() actor: Actor,
    @Args('meetingId', { type: () => ID }) meetingId: string,
    @Args('public') isPublic: boolean,
  ) {
    return this.publication.set(actor, meetingId, isPublic);
  }

  @ResolveField('public', () => Boolean, {
    description: "Published in the public OParl view (when the alliance's public record is on).",
  })
  public_(@Parent() meeting: MeetingModel, @Context() ctx: GqlContext) {
    return this.publication.publicLoader(ctx.loaders).load(meeting.id);
  }

  @ResolveField(() => Boolean, {
    description: 'Whether the caller may use setMeetingPublic on this meeting (the same rule).',
  })
  viewerMaySetPublic(@Parent() meeting: MeetingModel, @Context() ctx: GqlContext) {
    const actor = ctx.req.user;
    return !!actor && canRun(actor, meeting);
  }
}
