import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AuditEntryModel, type GqlContext } from '../../../core/src/index.js';
import { UserModel } from './user.models.js';
import { UsersService } from './users.service.js';

/** `AuditEntry.actor`: core's audit entry joined to identity's user (identity depends on core). */
@Resolver(() => AuditEntryModel)
export class AuditActorResolver {
  constructor(private readonly users: UsersService) {}

  @ResolveField(() => UserModel, { nullable: true })
  actor(@Parent() e: AuditEntryModel, @Context() ctx: GqlContext) {
    return e.actorId ? this.users.userLoader(ctx.loaders).load(e.actorId) : null;
  }
}
