import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import {
  type Actor,
  Allow,
  CurrentActor,
  DomainError,
  type GqlContext,
  LoaderRegistry,
} from '../../../core/src/index.js';
import { MeetingEventModel } from '../meetings/meeting.models.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { MeetingEventsService } from './meeting-events.service.js';

@Resolver(() => MeetingEventModel)
export class MeetingEventsResolver {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly events: MeetingEventsService,
  ) {}

  @Subscription(() => MeetingEventModel, {
    description:
      'Live changes of a meeting: attendance and quorum, decisions, agenda, minutes and its state. Ends (complete) once the caller may no longer see the meeting.',
    // Each event resolves with fresh loaders: a subscription's context lives as long as the socket.
    resolve: (event: MeetingEventModel, _args: unknown, ctx: GqlContext) => {
      ctx.loaders = new LoaderRegistry();
      return event;
    },
  })
  @Allow.signedIn('members of the alliance')
  async meetingEvents(
    @CurrentActor() actor: Actor,
    @Args('meetingId', { type: () => ID }) meetingId: string,
  ) {
    if (!(await this.meetings.get(actor, meetingId))) throw DomainError.notFound('Meeting');
    return this.events.iterator(actor, meetingId);
  }
}
