import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AuditEntryModel, type GqlContext } from '../../../core/src/index.js';
import { MembershipModel, UserModel } from './user.model.js';
import { UsersService } from './users.service.js';

@Resolver(() => MembershipModel)
export class MembershipUserResolver {
  constructor(private readonly users: UsersService) {}

  @ResolveField(() => UserModel)
  user(@Parent() m: MembershipModel, @Context() ctx: GqlContext) {
    return this.users.userLoader(ctx.loaders).load(m.userId);
  }
}

@Resolver(() => AuditEntryModel)
export class AuditActorResolver {
  constructor(private readonly users: UsersService) {}

  @ResolveField(() => UserModel, { nullable: true })
  actor(@Parent() e: AuditEntryModel, @Context() ctx: GqlContext) {
    return e.actorId ? this.users.userLoader(ctx.loaders).load(e.actorId) : null;
  }
}
