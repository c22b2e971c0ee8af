import { Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { Allow } from '../../../core/src/index.js';
import { NotificationInboxService } from './notification-inbox.service.js';
import { KIND_LABELS } from './notification-mail.js';

const RULE =
  'anyone holding a signed unsubscribe link (no sign-in): switches one kind of e-mail off for its user';

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(res: any, status: number, body: string): void {
  res.status(status);
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.setHeader('referrer-policy', 'no-referrer');
  res.end(
    `<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
      `<title>Bündnisportal</title></head><body style="font-family:sans-serif;max-width:36rem;margin:3rem auto;line-height:1.5">${body}</body></html>`,
  );
}

/**
 * One-click unsubscribe (RFC 8058). Mail clients POST to the List-Unsubscribe URL; a person who
 * opens the link in a mail gets a page with one button that POSTs the same URL. A GET changes
 * nothing, so link scanners that open every URL of a mail unsubscribe nobody.
 */
@Controller('mail')
export class UnsubscribeController {
  constructor(private readonly inbox: NotificationInboxService) {}

  @Get('unsubscribe')
  @Allow.public(RULE)
  confirm(@Query('token') token: string, @Res() res: any) {
    if (typeof token !== 'string' || !token)
      return page(
        res,
        400,
        '<p>Dieser Abmeldelink ist unvollständig. / This unsubscribe link is incomplete.</p>',
      );
    page(
      res,
      200,
      `<h1>E-Mails abbestellen</h1>
<p>Mit dem Knopf bestellen Sie diese Art von E-Mails des Bündnisportals ab. Im Portal sehen Sie die Benachrichtigungen weiterhin; in Ihrem Konto können Sie die E-Mails wieder einschalten.</p>
<p lang="en">Unsubscribe from this kind of e-mail from the Bündnisportal. You still see the notifications in the portal, and can switch the e-mails on again in your account.</p>
<form method="post" action="?token=${escape(encodeURIComponent(token))}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">Abbestellen / Unsubscribe</button></form>`,
    );
  }

  @Post('unsubscribe')
  @HttpCode(200)
  @Allow.public(RULE)
  async unsubscribe(@Query('token') token: string, @Res() res: any) {
    const done = await this.inbox.unsubscribe(token);
    if (!done)
      return page(
        res,
        400,
        '<p>Dieser Abmeldelink ist ungültig. Ändern Sie die E-Mail-Einstellungen bitte in Ihrem Konto im Bündnisportal.</p>' +
          '<p lang="en">This unsubscribe link is invalid. Please change your e-mail settings in your Bündnisportal account.</p>',
      );
    const de = done.kinds.map((k) => `„${escape(KIND_LABELS[k].de)}“`).join(', ') || '—';
    const en = done.kinds.map((k) => `“${escape(KIND_LABELS[k].en)}”`).join(', ') || '—';
    page(
      res,
      200,
      `<h1>Abbestellt</h1><p>Sie erhalten keine E-Mails mehr zu: ${de}. In Ihrem Konto können Sie das jederzeit ändern.</p>` +
        `<p lang="en">You will no longer receive e-mails about: ${en}. You can change this in your account at any time.</p>`,
    );
  }
}
