import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, DateScalar } from '../../../core/src/index.js';
import { TaskChange, TaskPriority, TaskStatus } from '../coordination.enums.js';

/**
 * The GraphQL `Task`. Relations (alliance, goal, leadPartner, contributingPartners, assignee,
 * blockedBy, blocking, comments) are field resolvers; `Task.decision` is resolved by the meetings
 * context from `decisionId`.
 */
@ObjectType('Task')
export class TaskModel {
  @Field(() => ID)
  id: string;
  allianceId: string;
  goalId: string | null;
  decisionId: string | null;
  leadPartnerId: string;
  assigneeId: string | null;
  @Field()
  title: string;
  @Field(() => String, { nullable: true })
  description: string | null;
  @Field(() => TaskStatus)
  status: TaskStatus;
  @Field(() => TaskPriority)
  priority: TaskPriority;
  @Field(() => DateScalar, { nullable: true })
  dueOn: string | null;
  @Field(() => Date, { nullable: true })
  completedAt: Date | null;
  @Field(() => Int, { description: 'Increases with every change; pass it back as expectedVersion.' })
  version: number;
  @Field()
  createdAt: Date;
  @Field()
  updatedAt: Date;
}

/** `author` is resolved through identity's user loader (or comes with the task board's statement). */
@ObjectType('Comment')
export class CommentModel {
  @Field(() => ID)
  id: string;
  taskId: string;
  authorId: string;
  @Field()
  body: string;
  @Field()
  createdAt: Date;
}

@ObjectType()
export class TaskConnection extends Connection(TaskModel, 'Task', {
  totalCountDescription:
    'The exact number of tasks that match, over all pages; with a search, the number of matches up to 1,000 (1,000 means "1,000 or more"). Counted only when selected: a page without totalCount does not pay for counting.',
}) {}

@ObjectType('TaskEvent')
export class TaskEventModel {
  @Field(() => TaskChange)
  change: TaskChange;
  @Field(() => TaskModel)
  task: TaskModel;
}

@ObjectType('TaskViewerCan', {
  description:
    'What the caller may do with this task, decided by the same rule as the operations themselves; screens offer only these.',
})
export class TaskViewerCanModel {
  @Field({ description: 'updateTask: title, description, partners, goal, assignee, due date, priority.' })
  update: boolean;
  @Field({ description: 'updateTask with a new status.' })
  changeStatus: boolean;
  @Field({ description: 'commentOnTask.' })
  comment: boolean;
  @Field({ description: 'addTaskDependency and removeTaskDependency.' })
  addDependency: boolean;
}
