import type { Parent as ParentOf } from '../parent.js';
import {
  Args,
  Context,
  ID,
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
} from '../../../core/src/index.js';
import { AllianceModel, AllianceService, PartnerModel } from '../../../alliance/src/index.js';
import { UserModel, UsersService } from '../../../identity/src/index.js';
import { TaskOrder } from '../coordination.enums.js';
import { type TaskEventMessage, taskFromMessage, TaskEventsService } from '../events/task-events.service.js';
import { GoalModel } from '../goals/goal.models.js';
import { GoalService } from '../goals/goal.service.js';
import { CreateTaskInput, TaskFilter, UpdateTaskInput } from './task.inputs.js';
import { CommentModel, TaskConnection, TaskEventModel, TaskModel } from './task.models.js';
import { TaskService } from './task.service.js';

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

const TASK_WRITE =
  "COORDINATOR of the task's alliance: any task; MEMBER/FACILITATOR: tasks their organisation leads or contributes to";

@Resolver(() => TaskModel)
export class TaskResolver {
  constructor(
    private readonly taskService: TaskService,
    private readonly goals: GoalService,
    private readonly alliances: AllianceService,
    private readonly users: UsersService,
    private readonly events: TaskEventsService,
  ) {}

  @Query(() => TaskModel, { nullable: true })
  @Allow.signedIn("members of the task's alliance; null for everyone else")
  task(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.taskService.get(actor, id);
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
  ) {
    return this.taskService.list(actor, allianceId, filter, orderBy, first, after);
  }

  @Query(() => TaskConnection)
  @Allow.signedIn('any signed-in user: tasks assigned to them in alliances they belong to')
  myTasks(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    return this.taskService.mine(actor, first, after);
  }

  @Mutation(() => TaskModel)
  @Allow.signedIn(
    'COORDINATOR of input.allianceId; MEMBER/FACILITATOR when their organisation leads or contributes',
  )
  createTask(@CurrentActor() actor: Actor, @Args('input') input: CreateTaskInput) {
    return this.taskService.createTask(actor, input);
  }

  @Mutation(() => TaskModel)
  @Allow.signedIn(TASK_WRITE)
  updateTask(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateTaskInput,
  ) {
    return this.taskService.updateTask(actor, id, input);
  }

  @Mutation(() => TaskModel, { description: 'A dependency that would close a cycle answers BAD_USER_INPUT.' })
  @Allow.signedIn(TASK_WRITE)
  addTaskDependency(
    @CurrentActor() actor: Actor,
    @Args('taskId', { type: () => ID }) taskId: string,
    @Args('blockedById', { type: () => ID }) blockedById: string,
  ) {
    return this.taskService.addDependency(actor, taskId, blockedById);
  }

  @Mutation(() => TaskModel)
  @Allow.signedIn(TASK_WRITE)
  removeTaskDependency(
    @CurrentActor() actor: Actor,
    @Args('taskId', { type: () => ID }) taskId: string,
    @Args('blockedById', { type: () => ID }) blockedById: string,
  ) {
    return this.taskService.removeDependency(actor, taskId, blockedById);
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
  alliance(@Parent() t: ParentOf<TaskModel>, @Context() ctx: GqlContext) {
    return this.alliances.allianceLoader(ctx.loaders).load(t.allianceId);
  }

  @ResolveField(() => GoalModel, { nullable: true })
  goal(@Parent() t: ParentOf<TaskModel>, @Context() ctx: GqlContext) {
    return t.goalId ? this.goals.goalLoader(ctx.loaders).load(t.goalId) : null;
  }

  @ResolveField(() => PartnerModel)
  async leadPartner(@Parent() t: ParentOf<TaskModel>, @Context() ctx: GqlContext) {
    return (await this.taskService.partnersLoader(ctx.loaders).load(t.id)).lead;
  }

  @ResolveField(() => [PartnerModel])
  async contributingPartners(@Parent() t: ParentOf<TaskModel>, @Context() ctx: GqlContext) {
    return (await this.taskService.partnersLoader(ctx.loaders).load(t.id)).contributing;
  }

  @ResolveField(() => UserModel, { nullable: true })
  assignee(@Parent() t: ParentOf<TaskModel>, @Context() ctx: GqlContext) {
    return t.assigneeId ? this.users.userLoader(ctx.loaders).load(t.assigneeId) : null;
  }

  @ResolveField(() => [TaskModel], { description: 'Tasks that must be done before this one.' })
  blockedBy(@Parent() t: ParentOf<TaskModel>, @Context() ctx: GqlContext) {
    return this.taskService.blockedByLoader(ctx.loaders).load(t.id);
  }

  @ResolveField(() => [TaskModel])
  blocking(@Parent() t: ParentOf<TaskModel>, @Context() ctx: GqlContext) {
    return this.taskService.blockingLoader(ctx.loaders).load(t.id);
  }

  @ResolveField(() => [CommentModel])
  comments(@Parent() t: ParentOf<TaskModel>, @Context() ctx: GqlContext) {
    return this.taskService.commentsLoader(ctx.loaders).load(t.id);
  }
}

@Resolver(() => CommentModel)
export class CommentResolver {
  constructor(private readonly taskService: TaskService) {}

  @Mutation(() => CommentModel)
  @Allow.signedIn(TASK_WRITE)
  commentOnTask(
    @CurrentActor() actor: Actor,
    @Args('taskId', { type: () => ID }) taskId: string,
    @Args('body') body: string,
  ) {
    return this.taskService.comment(actor, taskId, body);
  }
}
