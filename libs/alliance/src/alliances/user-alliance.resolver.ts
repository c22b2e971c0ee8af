import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, Allow, CurrentActor, type GqlContext, isMember } from '../../../core/src/index.js';
import { MembershipModel, UserModel, UsersService } from '../../../identity/src/index.js';
import { CreateUserInput, SetMembershipInput } from './alliance.inputs.js';
import { OrganisationModel } from './alliance.models.js';
import { AllianceService } from './alliance.service.js';
import { MembershipService } from '../memberships/membership.service.js';

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
  async visibleMemberships(@Parent() u: UserModel, @Context() ctx: GqlContext) {
    const all = await this.users.membershipsOfUserLoader(ctx.loaders).load(u.id);
    const actor = ctx.req.user;
    if (!actor) return [];
    return actor.userId === u.id ? all : all.filter((m) => isMember(actor, m.allianceId));
  }
}
