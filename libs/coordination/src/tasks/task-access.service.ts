import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Actor, allianceScope, DomainError, isMember, isUuid } from '../../../core/src/index.js';
import { AllianceService, type PartnerEntity } from '../../../alliance/src/index.js';
import { UsersService } from '../../../identity/src/index.js';
import type { TaskEntity } from './task.entities.js';
import { TaskWriteRepository } from './task-write.repository.js';
import { taskWriteRefusal, taskWriteRight } from './task-rules.js';

/** What task inputs name, looked up once: partners and members through their own contexts. */
export interface ValidationContext {
  partner(id: string): PartnerEntity | undefined;
  goals: Set<string>;
  /** userId → organisationId, for members of the alliance. */
  members: Map<string, string>;
}

/** Who may change which task, and the lookups that validate task inputs. */
@Injectable()
export class TaskAccess {
  constructor(
    private readonly writes: TaskWriteRepository,
    private readonly alliances: AllianceService,
    private readonly users: UsersService,
  ) {}

  /**
   * Loads and row-locks a task the actor may change: invisible → NOT_FOUND; visible but not
   * theirs to change → FORBIDDEN. With `dependencyLock`, first serialises on the alliance's
   * dependency graph (before the row lock, so two requests cannot wait on each other).
   * Answers the task with its contributing partners' ids.
   */
  async lockForWrite(
    em: EntityManager,
    actor: Actor,
    id: string,
    dependencyLock = false,
  ): Promise<{ task: TaskEntity; contributing: string[] }> {
    if (!isUuid(id)) throw DomainError.notFound('Task');
    if (dependencyLock) {
      const allianceId = await this.writes.allianceOf(em, id, allianceScope(actor));
      if (!allianceId || !isMember(actor, allianceId)) throw DomainError.notFound('Task');
      await this.writes.lockDependencies(em, allianceId);
    }
    // The tenant key in the statement itself; the membership check below stays as a second guard.
    const locked = await this.writes.lock(em, id, allianceScope(actor));
    if (!locked || !isMember(actor, locked.task.allianceId)) throw DomainError.notFound('Task');
    const { task, contributing } = locked;
    // Partners are looked up only when the rule depends on them (a MEMBER or FACILITATOR).
    const involved =
      taskWriteRight(actor, task.allianceId) === 'INVOLVED'
        ? (await this.alliances.partnersIn(em, task.allianceId, [task.leadPartnerId, ...contributing])).map(
            (p) => p.organisationId,
          )
        : [];
    const refusal = taskWriteRefusal(actor, task.allianceId, involved);
    if (refusal) throw refusal;
    return locked;
  }

  /** Looks up, in three statements, the partners, goals and members that task inputs name. */
  async validationContext(
    em: EntityManager,
    allianceId: string,
    ids: { partnerIds: string[]; goalIds: string[]; userIds: string[] },
  ): Promise<ValidationContext> {
    const uuids = (list: string[]) => [...new Set(list.filter(isUuid))];
    const [partners, goals, members] = await Promise.all([
      this.alliances.partnersIn(em, allianceId, ids.partnerIds),
      this.writes.goalsOf(em, allianceId, uuids(ids.goalIds)),
      this.users.organisationsOfMembers(em, allianceId, uuids(ids.userIds)),
    ]);
    const byId = new Map(partners.map((p) => [p.id, p]));
    return { partner: (id) => byId.get(id), goals, members };
  }
}
