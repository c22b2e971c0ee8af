import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, Allow, CurrentActor, type GqlContext, isMember } from '../../../core/src/index.js';
import { MembershipModel, UserModel, UsersService } from '../../../identity/src/index.js';
import { PartnerStatus } from './alliance.enums.js';
import {
  AddPartnerInput,
  CreateAllianceInput,
  CreateOrganisationInput,
  CreateUserInput,
  SetMembershipInput,
  UpdateAllianceInput,
  UpdatePartnerInput,
} from './alliance.inputs.js';
import { AllianceModel, OrganisationModel, PartnerModel } from './alliance.models.js';
import { AllianceService } from './alliance.service.js';
import { MembershipService } from '../memberships/membership.service.js';

@Resolver(() => AllianceModel)
export class AllianceResolver {
  constructor(
    private readonly alliances: AllianceService,
    private readonly users: UsersService,
  ) {}

  @Query(() => [AllianceModel], { name: 'alliances' })
  @Allow.signedIn('any signed-in user: the alliances they are a member of (platform administrator: all)')
  alliances_(@CurrentActor() actor: Actor) {
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

@Resolver(() => OrganisationModel)
export class OrganisationResolver {
  constructor(private readonly alliances: AllianceService) {}

  @Query(() => [OrganisationModel])
  @Allow.signedIn('any signed-in user (a directory)')
  organisations(@Args('search', { nullable: true }) search?: string) {
    return this.alliances.listOrganisations(search);
  }

  @Mutation(() => OrganisationModel)
  @Allow.signedIn('platform administrator; ALLIANCE_ADMIN of any alliance')
  createOrganisation(@CurrentActor() actor: Actor, @Args('input') input: CreateOrganisationInput) {
    return this.alliances.createOrganisation(actor, input);
  }
}

@Resolver(() => PartnerModel)
export class PartnerResolver {
  constructor(private readonly alliances: AllianceService) {}

  @Mutation(() => PartnerModel)
  @Allow.signedIn('ALLIANCE_ADMIN of input.allianceId')
  addPartner(@CurrentActor() actor: Actor, @Args('input') input: AddPartnerInput) {
    return this.alliances.addPartner(actor, input);
  }

  @Mutation(() => PartnerModel)
  @Allow.signedIn("ALLIANCE_ADMIN of the partner's alliance")
  updatePartner(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdatePartnerInput,
  ) {
    return this.alliances.updatePartner(actor, id, input);
  }

  @ResolveField(() => AllianceModel)
  alliance(@Parent() p: PartnerModel, @Context() ctx: GqlContext) {
    return this.alliances.allianceLoader(ctx.loaders).load(p.allianceId);
  }

  @ResolveField(() => OrganisationModel)
  organisation(@Parent() p: PartnerModel, @Context() ctx: GqlContext) {
    return this.alliances.organisationLoader(ctx.loaders).load(p.organisationId);
  }
}

@Resolver(() => UserModel)
export class UserAllianceResolver {
  constructor(
    private readonly alliances: AllianceService,
    private readonly memberships: MembershipService,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => UserModel)
  @Allow.signedIn(
    'platform administrator; ALLIANCE_ADMIN, for organisations that are partners of their alliance',
  )
  createUser(@CurrentActor() actor: Actor, @Args('input') input: CreateUserInput) {
    return this.memberships.createUser(actor, input);
  }

  @Mutation(() => MembershipModel, { nullable: true })
  @Allow.signedIn('ALLIANCE_ADMIN of input.allianceId')
  setMembership(@CurrentActor() actor: Actor, @Args('input') input: SetMembershipInput) {
    return this.memberships.setMembership(actor, input);
  }

  @ResolveField(() => OrganisationModel)
  organisation(@Parent() u: UserModel, @Context() ctx: GqlContext) {
    return this.alliances.organisationLoader(ctx.loaders).load(u.organisationId);
  }

  /** Another user's memberships only in alliances the caller can see. */
  @ResolveField('memberships', () => [MembershipModel])
  async memberships_(@Parent() u: UserModel, @Context() ctx: GqlContext) {
    const all = await this.users.membershipsOfUserLoader(ctx.loaders).load(u.id);
    const actor = ctx.req.user;
    if (!actor) return [];
    return actor.userId === u.id ? all : all.filter((m) => isMember(actor, m.allianceId));
  }
}

@Resolver(() => MembershipModel)
export class MembershipAllianceResolver {
  constructor(private readonly alliances: AllianceService) {}

  @ResolveField(() => AllianceModel)
  alliance(@Parent() m: MembershipModel, @Context() ctx: GqlContext) {
    return this.alliances.allianceLoader(ctx.loaders).load(m.allianceId);
  }
}
