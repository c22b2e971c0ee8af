import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, Allow, CurrentActor, type GqlContext } from '../../../core/src/index.js';
import {
  AuthPayload,
  AuthService,
  deliverSession,
  deviceOf,
  languageOf,
  UserModel,
  UsersService,
} from '../../../identity/src/index.js';
import { AllianceModel, OrganisationModel } from '../alliances/alliance.models.js';
import { AllianceService } from '../alliances/alliance.service.js';
import { InviteUserInput } from './invitation.inputs.js';
import { InvitationModel } from './invitation.models.js';
import { InvitationService } from './invitation.service.js';

type Req = { user?: Actor; headers?: Record<string, unknown> };

@Resolver(() => InvitationModel)
export class InvitationResolver {
  constructor(
    private readonly invitations: InvitationService,
    private readonly alliances: AllianceService,
    private readonly users: UsersService,
    private readonly auth: AuthService,
  ) {}

  @Mutation(() => InvitationModel, {
    description: 'Creates the account and mails a one-time link (valid 7 days).',
  })
  @Allow.signedIn('platform administrator; ALLIANCE_ADMIN of input.allianceId, for its partner organisations')
  inviteUser(@CurrentActor() actor: Actor, @Args('input') input: InviteUserInput) {
    return this.invitations.invite(actor, input);
  }

  @Query(() => [InvitationModel], {
    name: 'invitations',
    description: 'Invitations not yet accepted or withdrawn (expired ones too).',
  })
  @Allow.signedIn('ALLIANCE_ADMIN of the alliance')
  pendingInvitations(
    @CurrentActor() actor: Actor,
    @Args('allianceId', { type: () => ID }) allianceId: string,
  ) {
    return this.invitations.pending(actor, allianceId);
  }

  @Mutation(() => InvitationModel, { description: 'Mails a new link; the previous one stops working.' })
  @Allow.signedIn("ALLIANCE_ADMIN of the invitation's alliance")
  resendInvitation(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.invitations.resend(actor, id);
  }

  @Mutation(() => InvitationModel)
  @Allow.signedIn("ALLIANCE_ADMIN of the invitation's alliance")
  revokeInvitation(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.invitations.revoke(actor, id);
  }

  @Mutation(() => AuthPayload, { description: 'Sets the password of an invited account and signs in.' })
  @Allow.public('holder of an unused, unexpired invitation link')
  async acceptInvitation(
    @Args('token') token: string,
    @Args('password') password: string,
    @Context('req') req: Req,
  ) {
    const session = await this.invitations.accept(
      token,
      password,
      languageOf(req.headers?.['accept-language']),
      deviceOf(req),
    );
    req.user = (await this.auth.actorOf(session.user.id, session.familyId)) ?? undefined;
    return deliverSession(req, session);
  }

  @Mutation(() => UserModel, {
    description: 'Ends the user’s sessions at once and refuses sign-in; history is kept.',
  })
  @Allow.signedIn(
    "platform administrator; ALLIANCE_ADMIN of an alliance that the user's organisation is a partner of",
  )
  deactivateUser(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.invitations.setActive(actor, id, false);
  }

  @Mutation(() => UserModel)
  @Allow.signedIn(
    "platform administrator; ALLIANCE_ADMIN of an alliance that the user's organisation is a partner of",
  )
  reactivateUser(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.invitations.setActive(actor, id, true);
  }

  @ResolveField(() => UserModel)
  user(@Parent() i: InvitationModel, @Context() ctx: GqlContext) {
    return this.users.userLoader(ctx.loaders).load(i.userId);
  }

  @ResolveField(() => AllianceModel)
  alliance(@Parent() i: InvitationModel, @Context() ctx: GqlContext) {
    return this.alliances.allianceLoader(ctx.loaders).load(i.allianceId);
  }

  @ResolveField(() => OrganisationModel)
  organisation(@Parent() i: InvitationModel, @Context() ctx: GqlContext) {
    return this.alliances.organisationLoader(ctx.loaders).load(i.organisationId);
  }

  @ResolveField(() => UserModel, { nullable: true })
  invitedBy(@Parent() i: InvitationModel, @Context() ctx: GqlContext) {
    return i.invitedById ? this.users.userLoader(ctx.loaders).load(i.invitedById) : null;
  }
}
