import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface NoticeTask {
  id: string;
  allianceId: string;
  title: string;
  assigneeId: string | null;
  leadPartnerId: string;
  dueOn: string | null;
}

const COLUMNS = `t.id, t.alliance_id AS "allianceId", t.title, t.assignee_id AS "assigneeId",
  t.lead_partner_id AS "leadPartnerId", to_char(t.due_on, 'YYYY-MM-DD') AS "dueOn"`;

/** What the task notifications need to read: the tasks waiting on one, and the deadlines of a day. */
@Injectable()
export class TaskNoticeRepository {
  /** Open tasks of the alliance that wait on `blockerId`. */
  waitingOn(em: EntityManager, allianceId: string, blockerId: string): Promise<NoticeTask[]> {
    return em.query(
      `SELECT ${COLUMNS} FROM task_dependencies d JOIN tasks t ON t.id = d.task_id AND t.alliance_id = d.alliance_id
        WHERE d.blocked_by_id = $1 AND d.alliance_id = $2 AND t.status NOT IN ('DONE', 'CANCELLED')`,
      [blockerId, allianceId],
    );
  }

  /**
   * Open tasks due between two days (inclusive), in every alliance: the daily job's system-wide
   * read (tasks_open_due_day_idx); each task is then notified within its own alliance.
   */
  dueBetween(em: EntityManager, from: string, to: string): Promise<NoticeTask[]> {
    return em.query(
      `SELECT ${COLUMNS} FROM tasks t
        WHERE t.status NOT IN ('DONE', 'CANCELLED') AND t.due_on IS NOT NULL AND t.due_on BETWEEN $1::date AND $2::date
        ORDER BY t.due_on, t.id`,
      [from, to],
    );
  }
}
