import { Context, Field, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../../../core/src/index.js';
import { AllianceModel } from '../../../alliance/src/index.js';
import { taskWriteRight } from './task-rules.js';

@ObjectType('TaskPermissions', {
  description:
    'What the caller may do with tasks in this alliance, decided by the same rule as the operations themselves; screens offer only these.',
})
export class TaskPermissionsModel {
  @Field({ description: 'createTask.' })
  createTask: boolean;
  @Field({
    description:
      "createTask only for tasks the caller's own organisation leads or contributes to (MEMBER, FACILITATOR); false: any partners (COORDINATOR).",
  })
  ownOrganisationTakesPart: boolean;
}

/** `Alliance.taskPermissions` lives here: coordination depends on alliance, not the other way round. */
@Resolver(() => AllianceModel)
export class AllianceTaskPermissionsResolver {
  @ResolveField(() => TaskPermissionsModel, {
    description: 'What the caller may do with tasks in this alliance; screens offer only these actions.',
  })
  taskPermissions(@Parent() alliance: AllianceModel, @Context() ctx: GqlContext): TaskPermissionsModel {
    const right = ctx.req.user ? taskWriteRight(ctx.req.user, alliance.id) : 'NONE';
    return { createTask: right !== 'NONE', ownOrganisationTakesPart: right === 'INVOLVED' };
  }
}
