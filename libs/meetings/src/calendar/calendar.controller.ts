import { Controller, Get, Header, NotFoundException, Param } from '@nestjs/common';
import { Allow } from '../../../core/src/index.js';
import { CalendarService } from './calendar.service.js';

@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  /** The secret token in the path is the credential (calendar apps cannot send a Bearer token). */
  @Get(':file')
  @Allow.public('whoever holds a valid, unrevoked feed token (secret URL)')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, max-age=300')
  @Header('referrer-policy', 'no-referrer')
  async feed(@Param('file') file: string): Promise<string> {
    const token = file.endsWith('.ics') ? file.slice(0, -4) : '';
    const body = token ? await this.calendar.render(token) : null;
    if (body === null) throw new NotFoundException('No such calendar');
    return body;
  }
}
