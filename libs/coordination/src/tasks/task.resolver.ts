import {
  Args,
  Context,
  ID,
  Info,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  Subscription,
} from '@nestjs/graphql';
import {
  type Actor,
  Allow,
  CurrentActor,
  DomainError,
  type GqlContext,
  isMember,
  isUuid,
  LoaderRegistry,
  PREFETCHED,
  selectedFields,
  selectionTree,
} from '../../../core/src/index.js';
import type { GraphQLResolveInfo } from 'graphql';
import { AllianceModel, AllianceService, PartnerModel } from '../../../alliance/src/index.js';
import { UserModel, UsersService } from '../../../identity/src/index.js';
import { TaskOrder } from '../coordination.enums.js';
import { type TaskEventMessage, taskFromMessage, TaskEventsService } from '../events/task-events.service.js';
import { GoalModel } from '../goals/goal.models.js';
import { GoalService } from '../goals/goal.service.js';
import { CreateTaskInput, TaskFilter, UpdateTaskInput } from './task.inputs.js';
import {
  CommentModel,
  TaskConnection,
  TaskEventModel,
  TaskModel,
  TaskViewerCanModel,
} from './task.models.js';
import type { TaskCommentEntity } from './task.entities.js';
import { TaskCommands } from './task-commands.service.js';
import { TaskLoaders } from './task-loaders.service.js';
import { TaskQueries } from './task-queries.service.js';
import type { ListedTask, TaskListInclude } from './task-list.repository.js';
import { INVOLVED_ORGANISATIONS } from './task.repository.js';
import { taskWriteRefusal, taskWriteRight } from './task-rules.js';

/** The session family of the request's access token (already verified by the guard). */
function sessionOf(ctx: GqlContext): string | undefined {
  const header = ctx.req.headers?.authorization;
  const payload = typeof header === 'string' ? header.split('.')[1] : undefined;
  if (!payload) return undefined;
  try {
    const sid = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')).sid;
    return isUuid(sid) ? sid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What a task list's selection asks for: totalCount, and which relations of its tasks to load in
 * the list's own statement (they then reach the field resolvers as prefetched values).
 */
function lookAhead(info: GraphQLResolveInfo | undefined): TaskListInclude {
  if (!info) return { totalCount: true };
  const node = selectionTree(info, ['edges', 'node']);
  return {
    totalCount: selectedFields(info, []).has('totalCount'),
    leadPartner: node.get('leadPartner'),
    contributingPartners: node.get('contributingPartners'),
    assignee: node.get('assignee'),
    goal: node.get('goal'),
    blockedBy: node.get('blockedBy'),
    blocking: node.get('blocking'),
    comments: node.get('comments'),
    involvedOrganisations: node.has('viewerCan'),
  };
}

const TASK_WRITE =
  "COORDINATOR of the task's alliance: any task; MEMBER/FACILITATOR: tasks their organisation leads or contributes to";

@Resolver(() => TaskModel)
export class TaskResolver {
  constructor(
    private readonly queries: TaskQueries,
    private readonly commands: TaskCommands,
    private readonly taskLoaders: TaskLoaders,
    private readonly goals: GoalService,
    private readonly alliances: AllianceService,
    private readonly users: UsersService,
    private readonly events: TaskEventsService,
  ) {}

  @Query(() => TaskModel, { nullable: true })
  @Allow.signedIn("members of the task's alliance; null for everyone else")
  task(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.queries.get(actor, id);
  }

  @Query(() => TaskConnection)
  @Allow.signedIn('members of the alliance; empty for everyone else')
  tasks(
    @CurrentActor() actor: Actor,
    @Args('allianceId', { type: () => ID }) allianceId: string,
    @Args('filter', { type: () => TaskFilter, nullable: true }) filter?: TaskFilter,
    @Args('orderBy', { type: () => TaskOrder, nullable: true }) orderBy?: TaskOrder,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Info() info?: GraphQLResolveInfo,
  ) {
    return this.queries.list(actor, allianceId, filter, orderBy, first, after, lookAhead(info));
  }

  @Query(() => TaskConnection)
  @Allow.signedIn('any signed-in user: tasks assigned to them in alliances they belong to')
  myTasks(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Info() info?: GraphQLResolveInfo,
  ) {
    return this.queries.mine(actor, first, after, lookAhead(info));
  }

  @Mutation(() => TaskModel)
  @Allow.signedIn(
    'COORDINATOR of input.allianceId; MEMBER/FACILITATOR when their organisation leads or contributes',
  )
  createTask(@CurrentActor() actor: Actor, @Args('input') input: CreateTaskInput) {
    return this.commands.createTask(actor, input);
  }

  @Mutation(() => TaskModel)
  @Allow.signedIn(TASK_WRITE)
  updateTask(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateTaskInput,
  ) {
    return this.commands.updateTask(actor, id, input);
  }

  @Mutation(() => TaskModel, { description: 'A dependency that would close a cycle answers BAD_USER_INPUT.' })
  @Allow.signedIn(TASK_WRITE)
  addTaskDependency(
    @CurrentActor() actor: Actor,
    @Args('taskId', { type: () => ID }) taskId: string,
    @Args('blockedById', { type: () => ID }) blockedById: string,
  ) {
    return this.commands.addDependency(actor, taskId, blockedById);
  }

  @Mutation(() => TaskModel)
  @Allow.signedIn(TASK_WRITE)
  removeTaskDependency(
    @CurrentActor() actor: Actor,
    @Args('taskId', { type: () => ID }) taskId: string,
    @Args('blockedById', { type: () => ID }) blockedById: string,
  ) {
    return this.commands.removeDependency(actor, taskId, blockedById);
  }

  @Subscription(() => TaskEventModel, {
    // Each event resolves with fresh loaders: a subscription's context lives as long as the socket.
    resolve: (message: TaskEventMessage, _args: unknown, ctx: GqlContext) => {
      ctx.loaders = new LoaderRegistry();
      return { change: message.change, task: taskFromMessage(message.task) };
    },
  })
  @Allow.signedIn('members of the alliance')
  taskEvents(
    @CurrentActor() actor: Actor,
    @Args('allianceId', { type: () => ID }) allianceId: string,
    @Context() ctx: GqlContext,
  ) {
    if (!isUuid(allianceId) || !isMember(actor, allianceId)) throw DomainError.notFound('Alliance');
    return this.events.iterator(actor, allianceId, sessionOf(ctx));
  }

  @ResolveField(() => AllianceModel)
  alliance(@Parent() t: TaskModel, @Context() ctx: GqlContext) {
    return this.alliances.allianceLoader(ctx.loaders).load(t.allianceId);
  }

  @ResolveField(() => GoalModel, { nullable: true })
  goal(@Parent() t: TaskModel, @Context() ctx: GqlContext) {
    return t.goalId ? this.goals.goalLoader(ctx.loaders).load(t.goalId) : null;
  }

  @ResolveField(() => PartnerModel)
  leadPartner(@Parent() t: TaskModel, @Context() ctx: GqlContext) {
    // The task carries its lead partner's id: no link statement needed.
    return this.alliances.partnerLoader(ctx.loaders).load(t.leadPartnerId);
  }

  @ResolveField(() => [PartnerModel])
  async contributingPartners(@Parent() t: TaskModel, @Context() ctx: GqlContext) {
    return (await this.taskLoaders.partnersLoader(ctx.loaders).load(t.id)).contributing;
  }

  @ResolveField(() => UserModel, { nullable: true })
  assignee(@Parent() t: TaskModel, @Context() ctx: GqlContext) {
    return t.assigneeId ? this.users.userLoader(ctx.loaders).load(t.assigneeId) : null;
  }

  @ResolveField(() => [TaskModel], { description: 'Tasks that must be done before this one.' })
  blockedBy(@Parent() t: TaskModel, @Context() ctx: GqlContext) {
    return this.taskLoaders.blockedByLoader(ctx.loaders).load(t.id);
  }

  @ResolveField(() => [TaskModel])
  blocking(@Parent() t: TaskModel, @Context() ctx: GqlContext) {
    return this.taskLoaders.blockingLoader(ctx.loaders).load(t.id);
  }

  @ResolveField(() => TaskViewerCanModel, {
    description: 'What the caller may do with this task; screens offer only these actions.',
  })
  async viewerCan(@Parent() t: ListedTask, @Context() ctx: GqlContext): Promise<TaskViewerCanModel> {
    const actor = ctx.req.user;
    let may = false;
    if (actor && isMember(actor, t.allianceId)) {
      // A list's statement brings the partners' organisations along; otherwise one batched load.
      const prefetched = t[PREFETCHED]?.[INVOLVED_ORGANISATIONS] as string[] | undefined;
      const involved =
        prefetched ??
        (taskWriteRight(actor, t.allianceId) === 'INVOLVED'
          ? await this.involvedOrganisations(t.id, ctx)
          : []);
      may = !taskWriteRefusal(actor, t.allianceId, involved);
    }
    return { update: may, changeStatus: may, comment: may, addDependency: may };
  }

  private async involvedOrganisations(taskId: string, ctx: GqlContext): Promise<string[]> {
    const { lead, contributing } = await this.taskLoaders.partnersLoader(ctx.loaders).load(taskId);
    return [lead, ...contributing].flatMap((p) => (p ? [p.organisationId] : []));
  }

  @ResolveField(() => [CommentModel])
  comments(@Parent() t: TaskModel, @Context() ctx: GqlContext) {
    return this.taskLoaders.commentsLoader(ctx.loaders).load(t.id);
  }
}

@Resolver(() => CommentModel)
export class CommentResolver {
  constructor(
    private readonly commands: TaskCommands,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => CommentModel)
  @Allow.signedIn(TASK_WRITE)
  commentOnTask(
    @CurrentActor() actor: Actor,
    @Args('taskId', { type: () => ID }) taskId: string,
    @Args('body') body: string,
  ) {
    return this.commands.comment(actor, taskId, body);
  }

  @ResolveField(() => UserModel)
  author(@Parent() c: TaskCommentEntity, @Context() ctx: GqlContext) {
    return this.users.userLoader(ctx.loaders).load(c.authorId);
  }
}
