import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import { Allow } from '../../core/src/index.js';
import { minutesFileName } from './oparl.mapper.js';
import { type OparlAnswer, OparlService } from './oparl.service.js';
import { OparlError, OparlErrorFilter, publicHeaders } from './oparl-error.js';
import { renderPublicMinutes } from './public-minutes.pdf.js';

const PUBLIC =
  'anyone, without sign-in: only alliances and meetings marked public, never persons or casework';

/** Seconds precision, as HTTP dates have. */
const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/**
 * OParl 1.1, read-only: GET /oparl/v1.1/ is the System. Every answer carries CORS `*` and
 * Last-Modified, and honours If-Modified-Since; errors are OParl error objects.
 */
@Controller('oparl/v1.1')
@UseFilters(OparlErrorFilter)
export class OparlController {
  constructor(private readonly oparl: OparlService) {}

  private send(req: any, res: any, answer: OparlAnswer): void {
    publicHeaders(res);
    res.setHeader('last-modified', answer.lastModified.toUTCString());
    res.setHeader('cache-control', 'public, max-age=60');
    const since = Date.parse(req.headers['if-modified-since'] ?? '');
    if (!Number.isNaN(since) && seconds(answer.lastModified) <= Math.floor(since / 1000)) {
      res.status(304).end();
      return;
    }
    res.type('application/json; charset=utf-8').send(JSON.stringify(answer.json));
  }

  @Get()
  @Allow.public(PUBLIC)
  async system(@Req() req: any, @Res() res: any) {
    this.send(req, res, await this.oparl.system());
  }

  @Get('bodies')
  @Allow.public(PUBLIC)
  async bodies(@Query() q: any, @Req() req: any, @Res() res: any) {
    this.send(req, res, await this.oparl.list('bodies', null, q, this.oparl.urls.bodies()));
  }

  @Get('bodies/:id')
  @Allow.public(PUBLIC)
  async body(@Param('id') id: string, @Req() req: any, @Res() res: any) {
    this.send(req, res, await this.oparl.object('bodies', id));
  }

  @Get('bodies/:id/:list')
  @Allow.public(PUBLIC)
  async bodyList(
    @Param('id') id: string,
    @Param('list') list: string,
    @Query() q: any,
    @Req() req: any,
    @Res() res: any,
  ) {
    if (list !== 'organizations' && list !== 'people' && list !== 'meetings' && list !== 'papers')
      throw OparlError.notFound();
    this.send(req, res, await this.oparl.list(list, id, q, this.oparl.urls.bodyList(id, list)));
  }

  @Get('organizations/:id')
  @Allow.public(PUBLIC)
  async organization(@Param('id') id: string, @Req() req: any, @Res() res: any) {
    this.send(req, res, await this.oparl.object('organizations', id));
  }

  @Get('meetings/:id')
  @Allow.public(PUBLIC)
  async meeting(@Param('id') id: string, @Req() req: any, @Res() res: any) {
    this.send(req, res, await this.oparl.object('meetings', id));
  }

  @Get('agenda-items/:id')
  @Allow.public(PUBLIC)
  async agendaItem(@Param('id') id: string, @Req() req: any, @Res() res: any) {
    this.send(req, res, await this.oparl.agendaItem(id));
  }

  @Get('papers/:id')
  @Allow.public(PUBLIC)
  async paper(@Param('id') id: string, @Req() req: any, @Res() res: any) {
    this.send(req, res, await this.oparl.object('papers', id));
  }

  @Get('consultations/:id')
  @Allow.public(PUBLIC)
  async consultation(@Param('id') id: string, @Req() req: any, @Res() res: any) {
    this.send(req, res, await this.oparl.consultation(id));
  }

  @Get('legislative-terms/:id')
  @Allow.public(PUBLIC)
  async legislativeTerm(@Param('id') id: string, @Req() req: any, @Res() res: any) {
    this.send(req, res, await this.oparl.bodyPart('legislativeTerm', id));
  }

  @Get('locations/:id')
  @Allow.public(PUBLIC)
  async location(@Param('id') id: string, @Req() req: any, @Res() res: any) {
    this.send(req, res, await this.oparl.bodyPart('location', id));
  }

  @Get('files/:id')
  @Allow.public(PUBLIC)
  async file(@Param('id') id: string, @Req() req: any, @Res() res: any) {
    this.send(req, res, (await this.oparl.file(id)).answer);
  }

  /** accessUrl: inline; downloadUrl: attachment with the file name, as the specification requires. */
  @Get('files/:id/:mode')
  @Allow.public(PUBLIC)
  async fileContent(@Param('id') id: string, @Param('mode') mode: string, @Res() res: any) {
    if (mode !== 'access' && mode !== 'download') throw OparlError.notFound();
    const { meeting } = await this.oparl.file(id);
    if (meeting.deleted) throw OparlError.gone();
    const [present, agenda, papers] = await Promise.all([
      this.oparl.partnersPresent(meeting.id),
      this.oparl.agendaOfMeeting(meeting.id),
      this.oparl.papersOfMeeting(meeting.id),
    ]);
    const pdf = await renderPublicMinutes(meeting, present, agenda, papers);
    publicHeaders(res);
    res.setHeader('content-type', 'application/pdf');
    res.setHeader('last-modified', meeting.modified.toUTCString());
    res.setHeader('cache-control', 'public, max-age=300');
    if (mode === 'download')
      res.setHeader('content-disposition', `attachment; filename="${minutesFileName(meeting)}"`);
    res.end(pdf);
  }

  /** Anything else under /oparl/v1.1/ answers an OParl error object, not the web app. */
  @Get('*rest')
  @Allow.public(PUBLIC)
  unknown() {
    throw OparlError.notFound();
  }
}
