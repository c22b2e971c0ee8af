import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, Allow, CurrentActor, type GqlContext } from '../../../core/src/index.js';
import { UserModel } from '../../../identity/src/index.js';
import { AllianceModel, OrganisationModel } from '../alliances/alliance.models.js';
import { UpdateOrganisationInput } from './administration.inputs.js';
import { AlliancePermissionsModel } from './administration.models.js';
import { AdministrationService } from './administration.service.js';

@Resolver(() => AllianceModel)
export class AdministrationResolver {
  constructor(private readonly administration: AdministrationService) {}

  @Mutation(() => OrganisationModel)
  @Allow.signedIn(
    'platform administrator; ALLIANCE_ADMIN of an alliance that the organisation is a partner of',
  )
  updateOrganisation(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateOrganisationInput,
  ) {
    return this.administration.updateOrganisation(actor, id, input);
  }

  @Mutation(() => UserModel, {
    description:
      "Removes another user's second factor (e.g. a lost phone): their sessions end at once; where a role requires it, they set it up again at the next sign-in.",
  })
  @Allow.signedIn(
    "platform administrator; ALLIANCE_ADMIN of an alliance that the user's organisation is a partner of",
  )
  resetSecondFactor(@CurrentActor() actor: Actor, @Args('userId', { type: () => ID }) userId: string) {
    return this.administration.resetSecondFactor(actor, userId);
  }

  @ResolveField(() => AlliancePermissionsModel, {
    description: 'What the caller may do in this alliance; screens offer only these actions.',
  })
  viewerPermissions(@Parent() alliance: AllianceModel, @Context() ctx: GqlContext) {
    return this.administration.permissions(ctx.req.user, alliance.id);
  }
}
