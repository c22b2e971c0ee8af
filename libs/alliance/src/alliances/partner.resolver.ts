import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, Allow, CurrentActor, type GqlContext } from '../../../core/src/index.js';
import { AddPartnerInput, UpdatePartnerInput } from './alliance.inputs.js';
import { AllianceModel, OrganisationModel, PartnerModel } from './alliance.models.js';
import { AllianceService } from './alliance.service.js';

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
