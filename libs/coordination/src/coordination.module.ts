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
import { GoalService } from './goals/goal.service.js';
import { TaskCommentEntity, TaskEntity } from './tasks/task.entities.js';
import { CommentResolver, TaskResolver } from './tasks/task.resolver.js';
import { TaskService } from './tasks/task.service.js';
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
    TaskService,
    TaskEventsService,
    GoalResolver,
    IndicatorResolver,
    MeasurementResolver,
    AllianceGoalsResolver,
    TaskResolver,
    CommentResolver,
    CoordinationDemoSeeder,
    CoordinationReportRepository,
    CoordinationReportService,
  ],
  exports: [TaskService, GoalService, CoordinationDemoSeeder, CoordinationReportService],
})
export class CoordinationModule {}
