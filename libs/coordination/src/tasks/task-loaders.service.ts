import { Injectable } from '@nestjs/common';
import { byKey, groupBy, LoaderRegistry } from '../../../core/src/index.js';
import { AllianceService, type PartnerEntity } from '../../../alliance/src/index.js';
import type { TaskCommentEntity, TaskEntity } from './task.entities.js';
import { TaskRepository } from './task.repository.js';

/**
 * Per-request DataLoaders of task relations. Partners, organisations and users come from their own
 * contexts' loaders; only coordination's tables are read here.
 */
@Injectable()
export class TaskLoaders {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly alliances: AllianceService,
  ) {}

  taskLoader(loaders: LoaderRegistry) {
    return loaders.get<string, TaskEntity | null>('task.byId', async (ids) =>
      byKey(ids, await this.tasks.byIds(ids), (t) => t.id),
    );
  }

  /** Follow-up tasks per meeting decision, oldest first. */
  tasksByDecisionLoader(loaders: LoaderRegistry) {
    return loaders.get<string, TaskEntity[]>('tasks.byDecision', async (ids) =>
      groupBy(ids, await this.tasks.byDecisions(ids), (t) => t.decisionId!),
    );
  }

  /** Lead and contributing partners per task (ordered by partner creation, as the alliance lists them). */
  partnersLoader(loaders: LoaderRegistry) {
    return loaders.get<string, { lead: PartnerEntity | null; contributing: PartnerEntity[] }>(
      'task.partners',
      async (ids) => {
        const links = await this.tasks.partnerLinks(ids);
        const found = await this.alliances
          .partnerLoader(loaders)
          .loadMany([...new Set(links.map((l) => l.partner_id))]);
        const byId = new Map<string, PartnerEntity>();
        for (const p of found) if (p && !(p instanceof Error)) byId.set(p.id, p);
        const order = (a: PartnerEntity, b: PartnerEntity) =>
          a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
        return groupBy(ids, links, (l) => l.task_id).map((list) => {
          const lead = list.find((l) => l.is_lead);
          return {
            lead: (lead && byId.get(lead.partner_id)) ?? null,
            contributing: list
              .filter((l) => !l.is_lead)
              .map((l) => byId.get(l.partner_id))
              .filter((p): p is PartnerEntity => !!p)
              .sort(order),
          };
        });
      },
    );
  }

  blockedByLoader(loaders: LoaderRegistry) {
    return this.dependencyLoader(loaders, 'blockedBy');
  }

  blockingLoader(loaders: LoaderRegistry) {
    return this.dependencyLoader(loaders, 'blocking');
  }

  private dependencyLoader(loaders: LoaderRegistry, direction: 'blockedBy' | 'blocking') {
    return loaders.get<string, TaskEntity[]>(`task.${direction}`, async (ids) =>
      groupBy(ids, await this.tasks.dependencies(ids, direction), (r) => r.key).map((list) =>
        list.map((r) => r.task),
      ),
    );
  }

  /** Comments per task, oldest first; their authors resolve through identity's user loader. */
  commentsLoader(loaders: LoaderRegistry) {
    return loaders.get<string, TaskCommentEntity[]>('task.comments', async (ids) =>
      groupBy(ids, await this.tasks.comments(ids), (c) => c.taskId),
    );
  }
}
