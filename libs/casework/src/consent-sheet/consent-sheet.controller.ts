import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { type Actor, Allow, CurrentActor } from '../../../core/src/index.js';
import { ConsentSheetService } from './consent-sheet.service.js';

const OWNER =
  "CASE_WORKERs of the case's owning organisation (like reading its consents); 404 for everyone else; audited";

/** The consent sheet, German beside the client's language (`?lang=ar|fa|uk|ru|tr|en|fr|de-ls`). */
@Controller('cases')
export class ConsentSheetController {
  constructor(private readonly sheets: ConsentSheetService) {}

  @Get(':caseId/consents/:consentId/sheet.pdf')
  @Allow.signedIn(OWNER)
  async pdf(
    @CurrentActor() actor: Actor,
    @Param('caseId') caseId: string,
    @Param('consentId') consentId: string,
    @Query('lang') lang: unknown,
    @Res() res: any,
  ): Promise<void> {
    const { body, fileName } = await this.sheets.render(actor, caseId, consentId, lang, 'pdf');
    res.setHeader('content-type', 'application/pdf');
    res.setHeader('content-disposition', `inline; filename="${fileName}"`);
    res.setHeader('cache-control', 'private, no-store');
    res.end(body);
  }

  @Get(':caseId/consents/:consentId/sheet.html')
  @Allow.signedIn(OWNER)
  async html(
    @CurrentActor() actor: Actor,
    @Param('caseId') caseId: string,
    @Param('consentId') consentId: string,
    @Query('lang') lang: unknown,
    @Res() res: any,
  ): Promise<void> {
    const { body } = await this.sheets.render(actor, caseId, consentId, lang, 'html');
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('cache-control', 'private, no-store');
    res.end(body);
  }
}
