import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PubSubModule } from '../../core/src/index.js';
import { AllianceModule } from '../../alliance/src/index.js';
import { IdentityModule } from '../../identity/src/index.js';
import { CoordinationDemoSeeder } from './demo/coordination-demo.seeder.js';
import { TaskEventsService } from './events/task-events.service.js';
import { GoalEntity, IndicatorEntity, MeasurementEntity } from './goals/goal.entities.js';
import {
  AllianceGoalsResolver,
  GoalResolver,
  IndicatorResolver,
  MeasurementResolver,
} from './goals/goal.resolver.js';
import { GoalRepository } from './goals/goal.repository.js';
import { GoalService } from './goals/goal.service.js';
import { TaskCommentEntity, TaskEntity } from './tasks/task.entities.js';
import { CommentResolver, TaskResolver } from './tasks/task.resolver.js';
import { AllianceTaskPermissionsResolver } from './tasks/task-permissions.resolver.js';
import { TaskAccess } from './tasks/task-access.service.js';
import { TaskCommands } from './tasks/task-commands.service.js';
import { TaskLoaders } from './tasks/task-loaders.service.js';
import { TaskQueries } from './tasks/task-queries.service.js';
import { TaskRepository } from './tasks/task.repository.js';
import { TaskListRepository } from './tasks/task-list.repository.js';
import { TaskService } from './tasks/task.service.js';
import { TaskWriteRepository } from './tasks/task-write.repository.js';
import { TaskNoticeRepository } from './tasks/task-notice.repository.js';
import { TaskNotices } from './tasks/task-notices.service.js';
import { TaskReminders } from './tasks/task-reminders.service.js';
import { CoordinationReportRepository } from './report/coordination-report.repository.js';
import { CoordinationReportService } from './report/coordination-report.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([GoalEntity, IndicatorEntity, MeasurementEntity, TaskEntity, TaskCommentEntity]),
    PubSubModule,
    AllianceModule,
    IdentityModule,
  ],
  providers: [
    GoalService,
    GoalRepository,
    TaskRepository,
    TaskListRepository,
    TaskWriteRepository,
    TaskAccess,
    TaskQueries,
    TaskCommands,
    TaskLoaders,
    TaskService,
    TaskEventsService,
    TaskNoticeRepository,
    TaskNotices,
    TaskReminders,
    GoalResolver,
    IndicatorResolver,
    MeasurementResolver,
    AllianceGoalsResolver,
    TaskResolver,
    AllianceTaskPermissionsResolver,
    CommentResolver,
    CoordinationDemoSeeder,
    CoordinationReportRepository,
    CoordinationReportService,
  ],
  exports: [TaskService, GoalService, CoordinationDemoSeeder, CoordinationReportService],
})
export class CoordinationModule {}
