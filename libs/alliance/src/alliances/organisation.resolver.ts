import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Actor, Allow, CurrentActor } from '../../../core/src/index.js';
import { CreateOrganisationInput } from './alliance.inputs.js';
import { OrganisationModel } from './alliance.models.js';
import { AllianceService } from './alliance.service.js';

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
