import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { logger } from '../../../core/src/index.js';
import { MeetingNoticesService } from './meeting-notices.service.js';

/** How often an idle instance looks for new notices. */
export const NOTICE_POLL_MS = 500;

/**
 * The background fan-out on every instance: takes due notices one by one (SKIP LOCKED, so
 * instances share the work and none is taken twice) until none is left, then waits NOTICE_POLL_MS.
 */
@Injectable()
export class MeetingNoticeWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(private readonly notices: MeetingNoticesService) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drain().finally(() => {
        this.running = undefined;
        this.schedule();
      });
    }, NOTICE_POLL_MS);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.notices.processNext()));
    } catch (err) {
      // Database away: the next round tries again.
      logger.warn(
        { component: 'meeting-notices', reason: (err as Error).message },
        'meeting notices not processed',
      );
    }
  }
}
