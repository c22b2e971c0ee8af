import {
  Args,
  Context,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  Subscription,
} from '@nestjs/graphql';
import {
  type Actor,
  Allow,
  CurrentActor,
  DomainError,
  type GqlContext,
  type NotificationKind,
  mapEvents,
  sessionOfContext,
} from '../../../core/src/index.js';
import { NotificationEventsService, type NotificationEventMessage } from './notification-events.service.js';
import { NotificationInboxService } from './notification-inbox.service.js';
import { objectPath } from './notification-kinds.js';
import { KIND_LABELS } from './notification-mail.js';
import { notificationText } from './notification-templates.js';
import {
  NotificationChangeEnum,
  NotificationDeliveryEnum,
  NotificationKindEnum,
  NotificationLanguageEnum,
} from './notification.enums.js';
import {
  NotificationConnection,
  NotificationEventModel,
  NotificationModel,
  NotificationParamModel,
  NotificationPreferenceModel,
} from './notification.models.js';

const OWN = 'the user (own notifications only)';
const language = () => Args('language', { type: () => NotificationLanguageEnum, defaultValue: 'de' });

@Resolver(() => NotificationModel)
export class NotificationResolver {
  constructor(
    private readonly inbox: NotificationInboxService,
    private readonly events: NotificationEventsService,
  ) {}

  @Query(() => NotificationConnection, { description: 'The signed-in user’s notifications, newest first.' })
  @Allow.signedIn(OWN)
  notifications(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
    @Args('unreadOnly', { nullable: true, defaultValue: false }) unreadOnly?: boolean,
  ) {
    return this.inbox.list(actor, first, after, !!unreadOnly);
  }

  @Query(() => Int, { description: 'How many of the signed-in user’s notifications are unread.' })
  @Allow.signedIn(OWN)
  unreadNotificationCount(@CurrentActor() actor: Actor) {
    return this.inbox.unreadCount(actor.userId);
  }

  @Mutation(() => NotificationModel)
  @Allow.signedIn(OWN)
  markNotificationRead(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.inbox.markRead(actor, id);
  }

  @Mutation(() => Int, { description: 'Marks every unread notification read; answers how many.' })
  @Allow.signedIn(OWN)
  markAllNotificationsRead(@CurrentActor() actor: Actor) {
    return this.inbox.markAllRead(actor);
  }

  @Query(() => [NotificationPreferenceModel], { description: 'The e-mail delivery of every kind.' })
  @Allow.signedIn('the user (own preferences)')
  notificationPreferences(@CurrentActor() actor: Actor) {
    return this.inbox.preferences(actor.userId);
  }

  @Mutation(() => NotificationPreferenceModel)
  @Allow.signedIn('the user (own preferences)')
  setNotificationPreference(
    @CurrentActor() actor: Actor,
    @Args('kind', { type: () => NotificationKindEnum }) kind: NotificationKind,
    @Args('delivery', { type: () => NotificationDeliveryEnum }) delivery: NotificationDeliveryEnum,
  ) {
    return this.inbox.setPreference(actor, kind, delivery);
  }

  @Subscription(() => NotificationEventModel, {
    description: 'The signed-in user’s notification changes (new, read), live; ends with the session.',
    resolve: (event: NotificationEventModel) => event,
  })
  @Allow.signedIn(OWN)
  notificationEvents(@CurrentActor() actor: Actor, @Context() ctx: GqlContext) {
    if (!actor) throw DomainError.unauthenticated();
    const events = this.events.iterator(actor, actor.sessionId ?? sessionOfContext(ctx));
    return mapEvents(events, async (m: NotificationEventMessage): Promise<NotificationEventModel> => {
      const [notification, unreadCount] = await Promise.all([
        m.notificationId ? this.inbox.find(m.userId, m.notificationId) : null,
        this.inbox.unreadCount(m.userId),
      ]);
      return { change: m.change as NotificationChangeEnum, notification, unreadCount };
    });
  }

  @ResolveField(() => [NotificationParamModel])
  params(@Parent() n: NotificationModel): NotificationParamModel[] {
    return Object.entries(n.params ?? {}).map(([key, value]) => ({ key, value }));
  }

  @ResolveField(() => String, { description: 'A one-line title, in the given language.' })
  title(@Parent() n: NotificationModel, @language() lang: NotificationLanguageEnum) {
    return notificationText(n.kind as NotificationKind, lang, n.params ?? {}).subject;
  }

  @ResolveField(() => String, { description: 'One sentence saying what happened, in the given language.' })
  text(@Parent() n: NotificationModel, @language() lang: NotificationLanguageEnum) {
    return notificationText(n.kind as NotificationKind, lang, n.params ?? {}).line;
  }

  @ResolveField(() => String, { description: 'The name of the kind, in the given language.' })
  kindLabel(@Parent() n: NotificationModel, @language() lang: NotificationLanguageEnum) {
    return KIND_LABELS[n.kind as NotificationKind][lang];
  }

  @ResolveField(() => String, { description: 'The web app’s path of the object (e.g. /aufgaben/<id>).' })
  path(@Parent() n: NotificationModel) {
    return objectPath(n.objectType, n.objectId);
  }
}

@Resolver(() => NotificationPreferenceModel)
export class NotificationPreferenceResolver {
  @ResolveField(() => String, { description: 'The name of the kind, in the given language.' })
  label(@Parent() p: NotificationPreferenceModel, @language() lang: NotificationLanguageEnum) {
    return KIND_LABELS[p.kind as NotificationKind][lang];
  }
}
