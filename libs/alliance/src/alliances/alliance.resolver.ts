import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, Allow, CurrentActor, type GqlContext } from '../../../core/src/index.js';
import { MembershipModel, UsersService } from '../../../identity/src/index.js';
import { PartnerStatus } from './alliance.enums.js';
import { CreateAllianceInput, UpdateAllianceInput } from './alliance.inputs.js';
import { AllianceModel, PartnerModel } from './alliance.models.js';
import { AllianceService } from './alliance.service.js';

@Resolver(() => AllianceModel)
export class AllianceResolver {
  constructor(
    private readonly alliances: AllianceService,
    private readonly users: UsersService,
  ) {}

  @Query(() => [AllianceModel], { name: 'alliances' })
  @Allow.signedIn('any signed-in user: the alliances they are a member of (platform administrator: all)')
  listAlliances(@CurrentActor() actor: Actor) {
    return this.alliances.list(actor);
  }

  @Query(() => AllianceModel, { nullable: true })
  @Allow.signedIn('members of the alliance; null for everyone else')
  alliance(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.alliances.get(actor, id);
  }

  @Mutation(() => AllianceModel)
  @Allow.platformAdmin()
  createAlliance(@CurrentActor() actor: Actor, @Args('input') input: CreateAllianceInput) {
    return this.alliances.create(actor, input);
  }

  @Mutation(() => AllianceModel)
  @Allow.signedIn('ALLIANCE_ADMIN of the alliance')
  updateAlliance(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateAllianceInput,
  ) {
    return this.alliances.update(actor, id, input);
  }

  @ResolveField(() => [PartnerModel])
  async partners(
    @Parent() alliance: AllianceModel,
    @Context() ctx: GqlContext,
    @Args('status', { type: () => PartnerStatus, nullable: true }) status?: PartnerStatus,
  ) {
    const all = await this.alliances.partnersOfAllianceLoader(ctx.loaders).load(alliance.id);
    return status ? all.filter((p) => p.status === status) : all;
  }

  @ResolveField(() => [MembershipModel])
  members(@Parent() alliance: AllianceModel, @Context() ctx: GqlContext) {
    return this.users.membershipsOfAllianceLoader(ctx.loaders).load(alliance.id);
  }
}
