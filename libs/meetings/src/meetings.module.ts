import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AllianceModule } from '../../alliance/src/index.js';
import { IdentityModule } from '../../identity/src/index.js';
import { CoordinationModule } from '../../coordination/src/index.js';
import { CalendarController } from './calendar/calendar.controller.js';
import { CalendarResolver } from './calendar/calendar.resolver.js';
import { CalendarService } from './calendar/calendar.service.js';
import { MeetingsDemoSeeder } from './demo/meetings-demo.seeder.js';
import { DecisionsService } from './meetings/decisions.service.js';
import {
  AgendaItemEntity,
  AttendanceEntity,
  CalendarFeedEntity,
  DecisionEntity,
  MeetingEntity,
  MeetingInvitedPartnerEntity,
} from './meetings/meeting.entities.js';
import {
  AgendaItemResolver,
  AttendanceResolver,
  DecisionResolver,
  MeetingResolver,
  MinutesResolver,
  TaskDecisionResolver,
} from './meetings/meetings.resolver.js';
import { MeetingsService } from './meetings/meetings.service.js';
import { MinutesPdfController } from './minutes/minutes-pdf.controller.js';
import { MinutesPdfService } from './minutes/minutes-pdf.service.js';
import { MeetingsReportRepository } from './report/meetings-report.repository.js';
import { MeetingsReportService } from './report/meetings-report.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      MeetingEntity,
      MeetingInvitedPartnerEntity,
      AgendaItemEntity,
      AttendanceEntity,
      DecisionEntity,
      CalendarFeedEntity,
    ]),
    IdentityModule,
    AllianceModule,
    CoordinationModule,
  ],
  controllers: [CalendarController, MinutesPdfController],
  providers: [
    MeetingsService,
    DecisionsService,
    CalendarService,
    MinutesPdfService,
    MeetingResolver,
    AgendaItemResolver,
    AttendanceResolver,
    DecisionResolver,
    MinutesResolver,
    TaskDecisionResolver,
    CalendarResolver,
    MeetingsDemoSeeder,
    MeetingsReportRepository,
    MeetingsReportService,
  ],
  exports: [MeetingsDemoSeeder, MeetingsService, DecisionsService, MeetingsReportService],
})
export class MeetingsModule {}
