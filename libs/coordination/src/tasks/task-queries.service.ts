import { Injectable } from '@nestjs/common';
import {
  type Actor,
  allianceScope,
  decodeCursor,
  groupBy,
  isMember,
  isUuid,
  LoaderRegistry,
  memberAllianceIds,
  type Page,
  pageSize,
  todayInBerlin,
  toPage,
} from '../../../core/src/index.js';
import { TaskOrder } from '../coordination.enums.js';
import type { TaskEntity } from './task.entities.js';
import type { TaskFilter } from './task.inputs.js';
import { TaskRepository } from './task.repository.js';
import {
  type TaskCursor,
  type TaskListInclude,
  TaskListRepository,
  type TaskScope,
} from './task-list.repository.js';

/** Without a look-ahead (internal callers): count, and let relations load through the loaders. */
const COUNT_ONLY: TaskListInclude = { totalCount: true };

/** Reads of tasks: who sees which, page sizes and cursors. */
@Injectable()
export class TaskQueries {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly lists: TaskListRepository,
  ) {}

  /** null when it does not exist or the caller is not a member of its alliance. */
  async get(actor: Actor, id: string): Promise<TaskEntity | null> {
    if (!isUuid(id)) return null;
    const task = await this.tasks.byId(id, allianceScope(actor));
    return task && isMember(actor, task.allianceId) ? task : null;
  }

  /** An alliance's tasks; empty for anyone who is not a member (the alliance is invisible to them). */
  list(
    actor: Actor,
    allianceId: string,
    filter: TaskFilter | null | undefined,
    orderBy: TaskOrder | null | undefined,
    first?: number | null,
    after?: string | null,
    include: TaskListInclude = COUNT_ONLY,
  ): Promise<Page<TaskEntity>> {
    const limit = pageSize(first);
    if (!isUuid(allianceId) || !isMember(actor, allianceId)) {
      decodeCursor(after || null, 3);
      return Promise.resolve(toPage<TaskEntity>([], limit, 0, () => []));
    }
    const scope: TaskScope = { kind: 'alliance', allianceId, filter: filter ?? {}, today: todayInBerlin() };
    return this.page(scope, orderBy || 'CREATED', limit, after, include);
  }

  /** The caller's assigned tasks in the alliances they belong to, oldest first. */
  mine(
    actor: Actor,
    first?: number | null,
    after?: string | null,
    include: TaskListInclude = COUNT_ONLY,
  ): Promise<Page<TaskEntity>> {
    const scope: TaskScope = {
      kind: 'assigned',
      userId: actor.userId,
      allianceIds: actor.platformAdmin ? null : memberAllianceIds(actor),
    };
    return this.page(scope, 'CREATED', pageSize(first), after, include);
  }

  /** A goal's tasks, oldest first (the goal is visible to the caller). */
  ofGoal(
    goal: { id: string; allianceId: string },
    first?: number | null,
    after?: string | null,
    loaders?: LoaderRegistry,
  ): Promise<Page<TaskEntity>> {
    const limit = pageSize(first);
    // First pages of many goals (a goal tree with its tasks) load together, in one statement.
    if (!after && loaders)
      return this.firstPagesOfGoals(loaders, limit).load(`${goal.allianceId}/${goal.id}`);
    return this.page(
      { kind: 'goal', allianceId: goal.allianceId, goalId: goal.id },
      'CREATED',
      limit,
      after,
      COUNT_ONLY,
    );
  }

  /** Keys are `allianceId/goalId`; each goal's first `limit` tasks (oldest first) with its exact count. */
  private firstPagesOfGoals(loaders: LoaderRegistry, limit: number) {
    return loaders.get<string, Page<TaskEntity>>(`tasks.firstPageOfGoal.${limit}`, async (keys) => {
      const pairs = keys.map((k) => k.split('/'));
      const rows = await this.tasks.firstPagesOfGoals(
        [...new Set(pairs.map(([a]) => a))],
        pairs.map(([, g]) => g),
        limit,
      );
      return groupBy(
        pairs.map(([, g]) => g),
        rows,
        (r) => r.goalId,
      ).map((goalRows) => {
        const keysOf = new Map(goalRows.map((r) => [r.task.id, r.sortKey]));
        return toPage(
          goalRows.map((r) => r.task),
          limit,
          goalRows[0]?.totalCount ?? 0,
          (t) => ['CREATED', keysOf.get(t.id), t.id],
        );
      });
    });
  }

  /** Keyset page: ordered by the sort key with id as tie-breaker; totalCount over the whole scope. */
  private async page(
    scope: TaskScope,
    order: string,
    limit: number,
    after: string | null | undefined,
    include: TaskListInclude,
  ): Promise<Page<TaskEntity>> {
    const cursor = decodeCursor(after || null, 3);
    // A key that is not text fails the repository's check of the cursor.
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    const decoded: TaskCursor | undefined = cursor
      ? { order: text(cursor[0]), key: text(cursor[1]), id: text(cursor[2]) }
      : undefined;
    const { tasks, sortKeys, totalCount } = await this.lists.page(scope, order, limit, decoded, include);
    // Not counted when the caller did not select totalCount: nothing reads it then.
    return toPage(tasks, limit, totalCount ?? 0, (t) => [order, sortKeys.get(t.id), t.id]);
  }
}
