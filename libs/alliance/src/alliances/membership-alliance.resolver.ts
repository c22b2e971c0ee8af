import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type GqlContext } from '../../../core/src/index.js';
import { MembershipModel } from '../../../identity/src/index.js';
import { AllianceModel } from './alliance.models.js';
import { AllianceService } from './alliance.service.js';

@Resolver(() => MembershipModel)
export class MembershipAllianceResolver {
  constructor(private readonly alliances: AllianceService) {}

  @ResolveField(() => AllianceModel)
  alliance(@Parent() m: MembershipModel, @Context() ctx: GqlContext) {
    return this.alliances.allianceLoader(ctx.loaders).load(m.allianceId);
  }
}
