import type { TestApp } from '../utils/test-app.js';
import type { ReceivedMail } from '../utils/smtp.js';

/** The List-Unsubscribe URL and the List-Unsubscribe-Post value of a delivered mail (mailparser combines List-* headers). */
export function listUnsubscribe(mail: ReceivedMail): { url: string; post: string } {
  const list = mail.headers.get('list') as Record<string, Record<string, string>> | undefined;
  const url = list?.unsubscribe?.url;
  if (!url) throw new Error('the mail has no List-Unsubscribe header');
  return { url, post: JSON.stringify(list?.['unsubscribe-post'] ?? '') };
}

export interface SeenNotification {
  id: string;
  kind: string;
  objectType: string;
  objectId: string;
  params: Record<string, string>;
  readAt: string | null;
}

/** The user's notifications, newest first, through the API. */
export async function notificationsOf(t: TestApp, token: string): Promise<SeenNotification[]> {
  const res = await t.gql(
    `{ notifications(first: 100) { edges { node { id kind objectType objectId readAt params { key value } } } } }`,
    {},
    token,
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.notifications.edges.map(({ node }: any) => ({
    ...node,
    params: Object.fromEntries(node.params.map((p: any) => [p.key, p.value])),
  }));
}

/** The kinds the user was told about this object. */
export async function kindsAbout(t: TestApp, token: string, objectId: string): Promise<string[]> {
  return (await notificationsOf(t, token))
    .filter((n) => n.objectId === objectId)
    .map((n) => n.kind)
    .sort();
}
