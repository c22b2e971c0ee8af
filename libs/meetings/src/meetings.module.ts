import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PubSubModule } from '../../core/src/index.js';
import { AllianceModule } from '../../alliance/src/index.js';
import { IdentityModule } from '../../identity/src/index.js';
import { CoordinationModule } from '../../coordination/src/index.js';
import { CalendarController } from './calendar/calendar.controller.js';
import { CalendarResolver } from './calendar/calendar.resolver.js';
import { CalendarService } from './calendar/calendar.service.js';
import { MeetingEventsResolver } from './events/meeting-events.resolver.js';
import { MeetingEventsService } from './events/meeting-events.service.js';
import { MeetingNoticeRepository } from './notices/meeting-notice.repository.js';
import { MeetingNoticeWorker } from './notices/meeting-notice-worker.service.js';
import { MeetingNoticesService } from './notices/meeting-notices.service.js';
import { MeetingsDemoSeeder } from './demo/meetings-demo.seeder.js';
import { AgendaItemRepository } from './agenda/agenda-item.repository.js';
import { AgendaItemResolver } from './agenda/agenda-item.resolver.js';
import { AgendaService } from './agenda/agenda.service.js';
import { AttendanceRepository } from './attendance/attendance.repository.js';
import { AttendanceResolver } from './attendance/attendance.resolver.js';
import { AttendanceService } from './attendance/attendance.service.js';
import { CalendarFeedRepository } from './calendar/calendar-feed.repository.js';
import { DecisionRepository } from './decisions/decision.repository.js';
import { DecisionResolver } from './decisions/decision.resolver.js';
import { DecisionsService } from './decisions/decisions.service.js';
import { TaskDecisionResolver } from './decisions/task-decision.resolver.js';
import {
  AgendaItemEntity,
  AttendanceEntity,
  CalendarFeedEntity,
  DecisionEntity,
  MeetingEntity,
  MeetingInvitedPartnerEntity,
} from './meetings/meeting.entities.js';
import { MeetingRepository } from './meetings/meeting.repository.js';
import { MeetingResolver } from './meetings/meeting.resolver.js';
import { MeetingsService } from './meetings/meetings.service.js';
import { MinutesRecordRepository } from './minutes/minutes-record.repository.js';
import { MinutesResolver } from './minutes/minutes.resolver.js';
import { MinutesService } from './minutes/minutes.service.js';
import { MinutesPdfController } from './minutes/minutes-pdf.controller.js';
import { MinutesPdfService } from './minutes/minutes-pdf.service.js';
import { MeetingPublicationResolver } from './public/meeting-publication.resolver.js';
import { MeetingPublicationService } from './public/meeting-publication.service.js';
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
    PubSubModule,
    IdentityModule,
    AllianceModule,
    CoordinationModule,
  ],
  controllers: [CalendarController, MinutesPdfController],
  providers: [
    MeetingRepository,
    AgendaItemRepository,
    AttendanceRepository,
    DecisionRepository,
    CalendarFeedRepository,
    MinutesRecordRepository,
    MeetingsService,
    MeetingEventsService,
    MeetingNoticeRepository,
    MeetingNoticesService,
    MeetingNoticeWorker,
    MeetingEventsResolver,
    AgendaService,
    AttendanceService,
    DecisionsService,
    MinutesService,
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
    MeetingPublicationService,
    MeetingPublicationResolver,
    MeetingsReportRepository,
    MeetingsReportService,
  ],
  exports: [
    MeetingsDemoSeeder,
    MeetingsService,
    MeetingNoticesService,
    DecisionsService,
    MeetingsReportService,
  ],
})
export class MeetingsModule {}
