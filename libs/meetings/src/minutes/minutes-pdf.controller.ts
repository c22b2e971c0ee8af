import { Controller, Get, Param, Res } from '@nestjs/common';
import { type Actor, Allow, CurrentActor } from '../../../core/src/index.js';
import { MinutesPdfService } from './minutes-pdf.service.js';

@Controller('meetings')
export class MinutesPdfController {
  constructor(private readonly pdf: MinutesPdfService) {}

  @Get(':id/minutes.pdf')
  @Allow.signedIn("members of the meeting's alliance (Bearer token); 404 for everyone else")
  async minutes(@CurrentActor() actor: Actor, @Param('id') id: string, @Res() res: any): Promise<void> {
    const { buffer, fileName } = await this.pdf.render(actor, id);
    res.setHeader('content-type', 'application/pdf');
    res.setHeader('content-disposition', `inline; filename="${fileName}"`);
    res.setHeader('cache-control', 'private, no-store');
    res.end(buffer);
  }
}
