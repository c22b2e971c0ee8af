import { Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Actor, Allow, CurrentActor, type GqlContext } from '../../../core/src/index.js';
import { CalendarFeedModel } from '../meetings/meeting.models.js';
import { CalendarService } from './calendar.service.js';

/** The origin the caller used, so the URL works from where they are (behind the trusted proxy too). */
function originOf(ctx: GqlContext): string {
  const req: any = ctx.req;
  const proto = typeof req.protocol === 'string' ? req.protocol : 'http';
  const host = typeof req.get === 'function' ? req.get('host') : req.headers?.host;
  return `${proto}://${host ?? 'localhost'}`;
}

@Resolver(() => CalendarFeedModel)
export class CalendarResolver {
  constructor(private readonly calendar: CalendarService) {}

  @Query(() => CalendarFeedModel, {
    nullable: true,
    description: "The caller's calendar feed URL; null until rotateCalendarFeed creates one.",
  })
  @Allow.signedIn('any signed-in user: their own feed')
  calendarFeed(@CurrentActor() actor: Actor, @Context() ctx: GqlContext) {
    return this.calendar.get(actor, originOf(ctx));
  }

  @Mutation(() => CalendarFeedModel, {
    description: 'Creates the feed URL or replaces it with a new one; the previous URL stops working.',
  })
  @Allow.signedIn('any signed-in user: their own feed')
  rotateCalendarFeed(@CurrentActor() actor: Actor, @Context() ctx: GqlContext) {
    return this.calendar.rotate(actor, originOf(ctx));
  }

  @Mutation(() => Boolean, { description: 'Turns the feed off; true if there was one.' })
  @Allow.signedIn('any signed-in user: their own feed')
  revokeCalendarFeed(@CurrentActor() actor: Actor) {
    return this.calendar.revoke(actor);
  }
}
