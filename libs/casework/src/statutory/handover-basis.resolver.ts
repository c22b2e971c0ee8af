import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, Allow, CurrentActor, type GqlContext } from '../../../core/src/index.js';
import { UserModel, UsersService } from '../../../identity/src/index.js';
import { HandoverStatus } from '../casework.enums.js';
import { ConsentModel, DisclosureModel, HandoverModel } from '../casework.models.js';
import { isCaseWorker } from '../casework.rules.js';
import { HandoverBasisService } from './handover-basis.service.js';
import { legalBasis, selectableLegalBases } from './legal-bases.js';
import { LegalBasisModel, toLegalBasisModel } from './legal-basis.model.js';

const basisOf = (code: string | null) => {
  const b = legalBasis(code);
  return b ? toLegalBasisModel(b) : null;
};

/** Handovers on a statutory basis: the code list, the second case worker's decision. */
@Resolver(() => HandoverModel)
export class HandoverBasisResolver {
  constructor(
    private readonly service: HandoverBasisService,
    private readonly users: UsersService,
  ) {}

  @Query(() => [LegalBasisModel], {
    description:
      'The legal bases a handover without consent may rest on (the maintained, versioned code list).',
  })
  @Allow.signedIn('any signed-in user: the list cites public law')
  legalBases() {
    return selectableLegalBases().map(toLegalBasisModel);
  }

  @Mutation(() => HandoverModel, {
    description:
      "Four eyes: a second case worker of the sending organisation approves the handover's legal basis; from then on it grants access like a consent and the receiving organisation sees the request.",
  })
  @Allow.signedIn(
    'CASE_WORKERs of the sending organisation other than the requester; FORBIDDEN to the requester and the receiving organisation',
  )
  approveHandoverBasis(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.service.approve(actor, id);
  }

  @Mutation(() => HandoverModel, {
    description:
      "Four eyes: a second case worker rejects the handover's legal basis; the handover is cancelled.",
  })
  @Allow.signedIn(
    'CASE_WORKERs of the sending organisation other than the requester; FORBIDDEN to the requester and the receiving organisation',
  )
  rejectHandoverBasis(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
  ) {
    return this.service.reject(actor, id, reason);
  }

  @ResolveField(() => LegalBasisModel, {
    nullable: true,
    description: 'The legal basis it rests on instead of a consent (the same as consent.legalBasis).',
  })
  legalBasis(@Parent() h: HandoverModel) {
    return basisOf(h.legalBasisCode);
  }

  @ResolveField(() => Boolean, {
    description:
      "Its legal basis waits for a second case worker's approval (seen by the sending organisation only).",
  })
  awaitingApproval(@Parent() h: HandoverModel) {
    return h.basisPending;
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether the viewer may approve or reject its legal basis now: a case worker of the sending organisation who did not request it.',
  })
  viewerCanDecideBasis(@Parent() h: HandoverModel, @Context() ctx: GqlContext) {
    const actor = ctx.req.user;
    return (
      h.basisPending &&
      h.status === HandoverStatus.REQUESTED &&
      isCaseWorker(actor) &&
      actor.organisationId === h.fromOrganisationId &&
      actor.userId !== h.requestedById
    );
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'Who completed it and wrote the outcome.' })
  completedBy(@Parent() h: HandoverModel, @Context() ctx: GqlContext) {
    return h.completedById ? this.users.userLoader(ctx.loaders).load(h.completedById) : null;
  }
}

@Resolver(() => ConsentModel)
export class ConsentBasisResolver {
  constructor(private readonly users: UsersService) {}

  @ResolveField(() => LegalBasisModel, {
    nullable: true,
    description: 'Form STATUTORY: the legal basis standing in for a consent.',
  })
  legalBasis(@Parent() k: ConsentModel) {
    return basisOf(k.legalBasisCode);
  }

  @ResolveField(() => UserModel, {
    nullable: true,
    description: 'A legal basis: the second case worker who approved it.',
  })
  approvedBy(@Parent() k: ConsentModel, @Context() ctx: GqlContext) {
    return k.approvedById ? this.users.userLoader(ctx.loaders).load(k.approvedById) : null;
  }

  @ResolveField(() => UserModel, {
    nullable: true,
    description: 'A legal basis: the second case worker who rejected it.',
  })
  rejectedBy(@Parent() k: ConsentModel, @Context() ctx: GqlContext) {
    return k.rejectedById ? this.users.userLoader(ctx.loaders).load(k.rejectedById) : null;
  }
}

@Resolver(() => DisclosureModel)
export class DisclosureBasisResolver {
  @ResolveField(() => LegalBasisModel, {
    nullable: true,
    description: 'The legal basis the data was read under, when it was not a consent.',
  })
  legalBasis(@Parent() d: DisclosureModel) {
    return basisOf(d.legalBasisCode);
  }
}
