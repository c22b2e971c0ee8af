import type { ReceivedMail } from '../utils/smtp.js';

/** The List-Unsubscribe URL and the List-Unsubscribe-Post value of a delivered mail (mailparser combines List-* headers). */
export function listUnsubscribe(mail: ReceivedMail): { url: string; post: string } {
  const list = mail.headers.get('list') as Record<string, Record<string, string>> | undefined;
  const url = list?.unsubscribe?.url;
  if (!url) throw new Error('the mail has no List-Unsubscribe header');
  return { url, post: JSON.stringify(list?.['unsubscribe-post'] ?? '') };
}
