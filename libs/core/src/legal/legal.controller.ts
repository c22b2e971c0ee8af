import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { Allow } from '../auth/actor.js';
import { LegalService } from './legal.service.js';

/** GET /legal/:page?lang=de|en — the deployment's legal pages as JSON, for the web app's footer links. */
@Controller('legal')
export class LegalController {
  constructor(private readonly legal: LegalService) {}

  @Get(':page')
  @Allow.public(
    "anyone, without sign-in: the operator's Impressum, privacy notice and accessibility statement",
  )
  async page(@Param('page') page: string, @Query('lang') lang: string | undefined, @Res() res: any) {
    if (!this.legal.isPage(page))
      throw new NotFoundException({
        code: 'NOT_FOUND',
        message:
          'Diese Seite gibt es nicht: impressum, datenschutz oder barrierefreiheit. / No such page: impressum, datenschutz or barrierefreiheit.',
      });
    const answer = await this.legal.page(page, lang === 'en' ? 'en' : 'de');
    res.setHeader('cache-control', 'public, max-age=300');
    res.setHeader('content-language', answer.lang);
    res.json(answer);
  }
}
