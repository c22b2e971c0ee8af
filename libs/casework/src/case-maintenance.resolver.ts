import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, Allow, CurrentActor, DateScalar, type GqlContext } from '../../core/src/index.js';
import { CaseDuplicatesService } from './case-duplicates.service.js';
import { CaseService } from './case.service.js';
import { CaseModel } from './casework.models.js';

const CASE_RULE = 'CASE_WORKERs of the owning organisation (CASE_WORKER in any alliance membership)';

/** Reopening a case and the duplicate check. */
@Resolver(() => CaseModel)
export class CaseMaintenanceResolver {
  constructor(
    private readonly cases: CaseService,
    private readonly duplicates: CaseDuplicatesService,
  ) {}

  @Mutation(() => CaseModel, {
    description: 'A CLOSED case is OPEN again (its retention clock stops); an erased one cannot come back.',
  })
  @Allow.signedIn(CASE_RULE)
  reopenCase(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.cases.reopen(actor, id);
  }

  @Query(() => [CaseModel], {
    description:
      "The duplicate check before opening a case: the caller's own organisation's OPEN cases with this family name and date of birth (compared by a keyed blind index, never another organisation's).",
  })
  @Allow.signedIn("CASE_WORKERs: their own organisation's cases only; [] for everyone else")
  possibleDuplicateCases(
    @CurrentActor() actor: Actor,
    @Args('familyName') familyName: string,
    @Args('dateOfBirth', { type: () => DateScalar }) dateOfBirth: string,
  ) {
    return this.duplicates.find(actor, familyName, dateOfBirth);
  }

  @ResolveField(() => [CaseModel], {
    description:
      "Owner only: the organisation's other OPEN cases with the same family name and date of birth (empty for everyone else).",
  })
  possibleDuplicates(@Parent() c: CaseModel, @Context() ctx: GqlContext) {
    const actor = ctx.req.user!;
    return c.viewerIsOwner ? this.duplicates.ofCaseLoader(ctx.loaders, actor).load(c.id) : [];
  }
}
