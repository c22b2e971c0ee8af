import {
  listen,
  listening as listeningOn,
  redisForFanOut,
  subscribe as subscribeWith,
  type Subscriber,
} from '../utils/ws-subscriber.js';
import type { TestApp } from '../utils/test-app.js';

export { redisForFanOut, type Subscriber };

export const NOTIFICATION_EVENTS = `subscription { notificationEvents { change unreadCount
  notification { id kind objectType objectId title(language: de) text(language: de) params { key value } } } }`;

/** The PubSub trigger of a user's notification events (libs/notifications). */
export const notificationTrigger = (userId: string) => `notificationEvents:${userId}`;

/** The app's graphql-ws URL (listening on a free port). */
export const wsUrl = listen;

/** A subscriber of `query` (the user's notification events by default), signed in with `token`. */
export function subscribe(url: string, token: string | undefined, query = NOTIFICATION_EVENTS): Subscriber {
  return subscribeWith(url, token ? { authorization: `Bearer ${token}` } : undefined, query);
}

/** Opens a subscriber for the user and waits until the app's PubSub has registered it. */
export async function listening(
  t: TestApp,
  url: string,
  user: { id: string; token: string },
): Promise<Subscriber> {
  const [sub] = await listeningOn(t, url, notificationTrigger(user.id), [user.token], NOTIFICATION_EVENTS);
  return sub;
}
