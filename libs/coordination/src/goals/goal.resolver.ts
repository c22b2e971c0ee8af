import {
  Args,
  Context,
  Float,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { type Actor, Allow, CurrentActor, type GqlContext } from '../../../core/src/index.js';
import { AllianceModel, AllianceService, PartnerModel } from '../../../alliance/src/index.js';
import { UserModel, UsersService } from '../../../identity/src/index.js';
import { GoalStatus } from '../coordination.enums.js';
import { TaskConnection } from '../tasks/task.models.js';
import { TaskService } from '../tasks/task.service.js';
import {
  AddIndicatorInput,
  CreateGoalInput,
  RecordMeasurementInput,
  UpdateGoalInput,
} from './goal.inputs.js';
import { GoalModel, IndicatorModel, MeasurementModel } from './goal.models.js';
import { GoalService } from './goal.service.js';

@Resolver(() => GoalModel)
export class GoalResolver {
  constructor(
    private readonly goals: GoalService,
    private readonly taskService: TaskService,
    private readonly alliances: AllianceService,
  ) {}

  @Query(() => GoalModel, { nullable: true })
  @Allow.signedIn("members of the goal's alliance; null for everyone else")
  goal(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.goals.get(actor, id);
  }

  @Mutation(() => GoalModel)
  @Allow.signedIn('COORDINATOR or ALLIANCE_ADMIN of input.allianceId')
  createGoal(@CurrentActor() actor: Actor, @Args('input') input: CreateGoalInput) {
    return this.goals.create(actor, input);
  }

  @Mutation(() => GoalModel)
  @Allow.signedIn("COORDINATOR or ALLIANCE_ADMIN of the goal's alliance")
  updateGoal(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateGoalInput,
  ) {
    return this.goals.update(actor, id, input);
  }

  @ResolveField(() => AllianceModel)
  alliance(@Parent() g: GoalModel, @Context() ctx: GqlContext) {
    return this.alliances.allianceLoader(ctx.loaders).load(g.allianceId);
  }

  @ResolveField(() => GoalModel, { nullable: true })
  parent(@Parent() g: GoalModel, @Context() ctx: GqlContext) {
    return g.parentId ? this.goals.goalLoader(ctx.loaders).load(g.parentId) : null;
  }

  @ResolveField(() => [GoalModel])
  children(@Parent() g: GoalModel, @Context() ctx: GqlContext) {
    return this.goals.childrenLoader(ctx.loaders).load(g.id);
  }

  @ResolveField(() => [PartnerModel])
  ownerPartners(@Parent() g: GoalModel, @Context() ctx: GqlContext) {
    return this.goals.ownerPartnersLoader(ctx.loaders).load(g.id);
  }

  @ResolveField(() => [IndicatorModel])
  indicators(@Parent() g: GoalModel, @Context() ctx: GqlContext) {
    return this.goals.indicatorsLoader(ctx.loaders).load(g.id);
  }

  @ResolveField(() => Float, {
    nullable: true,
    description: "Share of this goal's tasks (not cancelled) that are done, 0..1; null without tasks.",
  })
  taskProgress(@Parent() g: GoalModel, @Context() ctx: GqlContext) {
    return this.goals.taskProgressLoader(ctx.loaders).load(g.id);
  }

  @ResolveField(() => TaskConnection)
  tasks(
    @Parent() g: GoalModel,
    @Context() ctx: GqlContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    return this.taskService.ofGoal(g, first, after, ctx.loaders);
  }
}

@Resolver(() => IndicatorModel)
export class IndicatorResolver {
  constructor(private readonly goals: GoalService) {}

  @Mutation(() => IndicatorModel)
  @Allow.signedIn("COORDINATOR or ALLIANCE_ADMIN of the goal's alliance")
  addIndicator(@CurrentActor() actor: Actor, @Args('input') input: AddIndicatorInput) {
    return this.goals.addIndicator(actor, input);
  }

  @ResolveField(() => GoalModel)
  goal(@Parent() i: IndicatorModel, @Context() ctx: GqlContext) {
    return this.goals.goalLoader(ctx.loaders).load(i.goalId);
  }

  @ResolveField(() => Float, { description: "The latest measurement's value; the baseline before any." })
  async current(@Parent() i: IndicatorModel, @Context() ctx: GqlContext) {
    return (await this.goals.currentValueLoader(ctx.loaders).load(i.id)) ?? i.baseline;
  }

  @ResolveField(() => [MeasurementModel])
  measurements(@Parent() i: IndicatorModel, @Context() ctx: GqlContext) {
    return this.goals.measurementsLoader(ctx.loaders).load(i.id);
  }
}

@Resolver(() => MeasurementModel)
export class MeasurementResolver {
  constructor(
    private readonly goals: GoalService,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => MeasurementModel)
  @Allow.signedIn("COORDINATOR of the indicator's alliance; MEMBER of an owner partner of its goal")
  recordMeasurement(@CurrentActor() actor: Actor, @Args('input') input: RecordMeasurementInput) {
    return this.goals.recordMeasurement(actor, input);
  }

  @ResolveField(() => UserModel)
  recordedBy(@Parent() m: MeasurementModel, @Context() ctx: GqlContext) {
    return this.users.userLoader(ctx.loaders).load(m.recordedBy);
  }
}

/** `Alliance.goals` lives here: coordination depends on alliance, not the other way round. */
@Resolver(() => AllianceModel)
export class AllianceGoalsResolver {
  constructor(private readonly goals: GoalService) {}

  @ResolveField('goals', () => [GoalModel])
  async goals_(
    @Parent() alliance: AllianceModel,
    @Context() ctx: GqlContext,
    @Args('status', { type: () => GoalStatus, nullable: true }) status?: GoalStatus,
  ) {
    const all = await this.goals.goalsOfAllianceLoader(ctx.loaders).load(alliance.id);
    return status ? all.filter((g) => g.status === status) : all;
  }
}
