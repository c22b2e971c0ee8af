import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor, LoaderRegistry } from '../../../core/src/index.js';
import { type NewTask, TaskCommands } from './task-commands.service.js';
import { TaskLoaders } from './task-loaders.service.js';
import { TaskQueries } from './task-queries.service.js';

export type { NewTask } from './task-commands.service.js';

/**
 * What other contexts (meetings) and the goals feature use of tasks. Inside the tasks feature the
 * resolvers use the split services directly: queries, commands, access, loaders.
 */
@Injectable()
export class TaskService {
  constructor(
    private readonly queries: TaskQueries,
    private readonly commands: TaskCommands,
    private readonly loaders: TaskLoaders,
  ) {}

  /** Creates tasks inside the caller's transaction (a decision's follow-up tasks); see TaskCommands. */
  createTasks(
    em: EntityManager,
    actor: Actor,
    allianceId: string,
    inputs: NewTask[],
    opts: { decisionId?: string; pathPrefix: string; action?: string },
  ) {
    return this.commands.createTasks(em, actor, allianceId, inputs, opts);
  }

  /** A goal's tasks, oldest first (the goal is visible to the caller). */
  ofGoal(
    goal: { id: string; allianceId: string },
    first?: number | null,
    after?: string | null,
    loaders?: LoaderRegistry,
  ) {
    return this.queries.ofGoal(goal, first, after, loaders);
  }

  taskLoader(loaders: LoaderRegistry) {
    return this.loaders.taskLoader(loaders);
  }

  /** Follow-up tasks per meeting decision, oldest first. */
  tasksByDecisionLoader(loaders: LoaderRegistry) {
    return this.loaders.tasksByDecisionLoader(loaders);
  }
}
