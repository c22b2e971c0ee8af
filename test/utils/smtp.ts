import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: ParsedMail['headers'];
  outboxId?: string;
  /** Attachments and alternative parts that are not the body (an iCalendar invitation: text/calendar). */
  attachments: { contentType: string; content: string }[];
}

/**
 * A real SMTP server in this process (the `smtp-server` package), without TLS or authentication, that
 * keeps every message it accepted, parsed. `stop()` and `start()` take it down and up on the same port.
 */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  private server?: SMTPServer;
  port = 0;
  private waiters: { pred: (m: ReceivedMail[]) => boolean; resolve: () => void }[] = [];

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.received.push({
              to: Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.text ?? ''),
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              headers: mail.headers,
              outboxId: mail.headers.get('x-outbox-id') as string | undefined,
              attachments: mail.attachments.map((x) => ({
                contentType: x.contentType,
                content: x.content.toString('utf8'),
              })),
            });
            this.notify();
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.to.toLowerCase().includes(address.toLowerCase()));
  }

  /** Waits until the received mails satisfy `pred` (fails after `ms`). */
  waitFor(pred: (mails: ReceivedMail[]) => boolean, ms = 20_000): Promise<void> {
    if (pred(this.received)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`mails not received in ${ms} ms (${this.received.length} so far)`)),
        ms,
      );
      this.waiters.push({
        pred,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  /** The one mail to this address (waiting for it). */
  async mailTo(address: string, ms?: number): Promise<ReceivedMail> {
    await this.waitFor((m) => m.some((x) => x.to.toLowerCase().includes(address.toLowerCase())), ms);
    const all = this.to(address);
    return all[all.length - 1];
  }

  private notify(): void {
    this.waiters = this.waiters.filter((w) => {
      if (!w.pred(this.received)) return true;
      w.resolve();
      return false;
    });
  }
}

/** The token of the link in a mail (it travels in the URL fragment). */
export function linkToken(mail: { text: string }): string {
  const m = /#token=([A-Za-z0-9_-]+)/.exec(mail.text);
  if (!m) throw new Error('no link in the mail');
  return m[1];
}
