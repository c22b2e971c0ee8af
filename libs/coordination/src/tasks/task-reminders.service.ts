import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, DAILY_JOBS, type DailyJobs } from '../../../core/src/index.js';
import { TaskNoticeRepository } from './task-notice.repository.js';
import { TaskNotices } from './task-notices.service.js';

export const TASK_REMINDER_JOB = 'task-due-reminders';
/** Reminded this many days ahead; overdue tasks are reported up to OVERDUE_DAYS after their day. */
export const DUE_SOON_DAYS = 3;
const OVERDUE_DAYS = 7;

/** An ISO day plus `days`. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today in the time zone (ISO day). */
export function dayIn(timezone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/**
 * The daily deadline reminders (once across instances, see DAILY_JOBS): open tasks due within the
 * next three days (TASK_DUE_SOON) and those past their day (TASK_OVERDUE), each once per due day
 * (the notification's dedupe key), so a rerun, a missed day or a second runner tells nobody twice.
 */
@Injectable()
export class TaskReminders implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DAILY_JOBS) private readonly jobs: DailyJobs,
    private readonly repo: TaskNoticeRepository,
    private readonly notices: TaskNotices,
  ) {}

  onModuleInit(): void {
    this.jobs.register(TASK_REMINDER_JOB, (now) => this.run(now).then(() => undefined));
  }

  /** Answers how many notifications were written. */
  async run(now: Date): Promise<number> {
    const today = dayIn(this.config.dailyJobs.timezone, now);
    const tasks = await this.repo.dueBetween(
      this.dataSource.manager,
      addDays(today, -OVERDUE_DAYS),
      addDays(today, DUE_SOON_DAYS),
    );
    let written = 0;
    for (const task of tasks) {
      const kind = task.dueOn! < today ? 'TASK_OVERDUE' : task.dueOn! > today ? 'TASK_DUE_SOON' : null;
      if (!kind) continue; // due today: the DUE_SOON of the days before said so
      written += await this.dataSource.transaction((em) => this.notices.deadline(em, task, kind));
    }
    return written;
  }
}
