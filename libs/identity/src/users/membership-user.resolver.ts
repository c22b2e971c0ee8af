import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type GqlContext } from '../../../core/src/index.js';
import { MembershipModel, UserModel } from './user.models.js';
import { UsersService } from './users.service.js';

@Resolver(() => MembershipModel)
export class MembershipUserResolver {
  constructor(private readonly users: UsersService) {}

  @ResolveField(() => UserModel)
  user(@Parent() m: MembershipModel, @Context() ctx: GqlContext) {
    return this.users.userLoader(ctx.loaders).load(m.userId);
  }
}
