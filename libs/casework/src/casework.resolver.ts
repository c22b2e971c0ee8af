import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, Allow, CurrentActor, type GqlContext } from '../../core/src/index.js';
import { AllianceService, OrganisationModel } from '../../alliance/src/index.js';
import { UserModel, UsersService } from '../../identity/src/index.js';
import { CaseDataService } from './case-data.service.js';
import { CaseExportService } from './case-export.service.js';
import { CaseService } from './case.service.js';
import { ConsentHandoverService } from './consent-handover.service.js';
import { CaseClosingReason, DataCategory, HandoverStatus, SupportArea } from './casework.enums.js';
import {
  CaseFilter,
  OpenCaseInput,
  RecordConsentInput,
  RequestHandoverInput,
  UpdateCaseDataInput,
} from './casework.inputs.js';
import {
  CaseConnection,
  CaseModel,
  ConsentModel,
  ContactData,
  DisclosureConnection,
  DisclosureModel,
  EducationEmploymentData,
  FamilyData,
  HandoverModel,
  HealthData,
  HousingData,
  IdentityData,
  LanguageData,
  ResidenceData,
} from './casework.models.js';

const CASE_RULE = 'CASE_WORKERs of the owning organisation (CASE_WORKER in any alliance membership)';
const actorOf = (ctx: GqlContext): Actor => ctx.req.user!;

@Resolver(() => CaseModel)
export class CaseResolver {
  constructor(
    private readonly cases: CaseService,
    private readonly data: CaseDataService,
    private readonly exports: CaseExportService,
    private readonly alliances: AllianceService,
    private readonly users: UsersService,
  ) {}

  @Query(() => CaseModel, { name: 'case', nullable: true })
  @Allow.signedIn(
    `${CASE_RULE}; the shell also to receiving organisations' CASE_WORKERs; null for everyone else`,
  )
  case_(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.cases.get(actor, id);
  }

  @Query(() => CaseConnection, { name: 'cases' })
  @Allow.signedIn(`${CASE_RULE}: own cases, and cases handed over to their organisation`)
  cases_(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => CaseFilter, nullable: true }) filter?: CaseFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.cases.list(actor, filter, first, after);
  }

  @Query(() => DisclosureConnection, {
    description:
      "Owner only: who outside the owning organisation read this case's data (GDPR Art. 15). FORBIDDEN for a case the caller sees but does not own, NOT_FOUND for one it cannot see.",
  })
  @Allow.signedIn(
    `${CASE_RULE}; FORBIDDEN to a receiving organisation that sees the case, NOT_FOUND for everyone else`,
  )
  disclosures(
    @CurrentActor() actor: Actor,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.data.disclosures(actor, caseId, first, after);
  }

  @Query(() => String, {
    nullable: true,
    description:
      'Owner only (GDPR Art. 15): the case as a JSON document — its data, consents, handovers and disclosures; null for everyone else.',
  })
  @Allow.signedIn(CASE_RULE)
  caseExport(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.exports.export(actor, id);
  }

  @Mutation(() => CaseModel)
  @Allow.signedIn('CASE_WORKERs (the case belongs to their organisation)')
  openCase(@CurrentActor() actor: Actor, @Args('input') input: OpenCaseInput) {
    return this.cases.open(actor, input);
  }

  @Mutation(() => CaseModel)
  @Allow.signedIn(CASE_RULE)
  updateCaseData(@CurrentActor() actor: Actor, @Args('input') input: UpdateCaseDataInput) {
    return this.cases.update(actor, input);
  }

  @Mutation(() => CaseModel)
  @Allow.signedIn(CASE_RULE)
  closeCase(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => CaseClosingReason, nullable: true }) reason?: CaseClosingReason,
  ) {
    return this.cases.close(actor, id, reason);
  }

  @Mutation(() => CaseModel, {
    description: 'Erases the personal data for good (GDPR Art. 17); history keeps only pseudonymous facts.',
  })
  @Allow.signedIn(CASE_RULE)
  eraseCase(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.cases.erase(actor, id);
  }

  @ResolveField(() => OrganisationModel)
  owner(@Parent() c: CaseModel, @Context() ctx: GqlContext) {
    return this.alliances.organisationLoader(ctx.loaders).load(c.ownerOrganisationId);
  }

  @ResolveField(() => UserModel, { nullable: true })
  caseWorker(@Parent() c: CaseModel, @Context() ctx: GqlContext) {
    return c.viewerIsOwner && c.caseWorkerId ? this.users.userLoader(ctx.loaders).load(c.caseWorkerId) : null;
  }

  @ResolveField(() => [SupportArea])
  supportAreas(@Parent() c: CaseModel) {
    return c.viewerIsOwner ? c.supportAreasStored : [];
  }

  @ResolveField(() => [DataCategory], {
    description: 'The categories the viewer may read right now (all of them for the owner).',
  })
  visibleCategories(@Parent() c: CaseModel, @Context() ctx: GqlContext) {
    return this.data.visibleCategories(c, actorOf(ctx), ctx.loaders);
  }

  @ResolveField(() => IdentityData, { nullable: true })
  identity(@Parent() c: CaseModel, @Context() ctx: GqlContext) {
    return this.data.category(c, DataCategory.IDENTITY, actorOf(ctx), ctx.loaders);
  }

  @ResolveField(() => ContactData, { nullable: true })
  contact(@Parent() c: CaseModel, @Context() ctx: GqlContext) {
    return this.data.category(c, DataCategory.CONTACT, actorOf(ctx), ctx.loaders);
  }

  @ResolveField(() => LanguageData, { nullable: true })
  language(@Parent() c: CaseModel, @Context() ctx: GqlContext) {
    return this.data.category(c, DataCategory.LANGUAGE, actorOf(ctx), ctx.loaders);
  }

  @ResolveField(() => ResidenceData, { nullable: true })
  residence(@Parent() c: CaseModel, @Context() ctx: GqlContext) {
    return this.data.category(c, DataCategory.RESIDENCE, actorOf(ctx), ctx.loaders);
  }

  @ResolveField(() => EducationEmploymentData, { nullable: true })
  educationEmployment(@Parent() c: CaseModel, @Context() ctx: GqlContext) {
    return this.data.category(c, DataCategory.EDUCATION_EMPLOYMENT, actorOf(ctx), ctx.loaders);
  }

  @ResolveField(() => HousingData, { nullable: true })
  housing(@Parent() c: CaseModel, @Context() ctx: GqlContext) {
    return this.data.category(c, DataCategory.HOUSING, actorOf(ctx), ctx.loaders);
  }

  @ResolveField(() => FamilyData, { nullable: true })
  family(@Parent() c: CaseModel, @Context() ctx: GqlContext) {
    return this.data.category(c, DataCategory.FAMILY, actorOf(ctx), ctx.loaders);
  }

  @ResolveField(() => HealthData, { nullable: true })
  health(@Parent() c: CaseModel, @Context() ctx: GqlContext) {
    return this.data.category(c, DataCategory.HEALTH, actorOf(ctx), ctx.loaders);
  }

  @ResolveField(() => [ConsentModel], {
    description: "The owner's; a receiving organisation sees those of its own handovers.",
  })
  consents(@Parent() c: CaseModel, @Context() ctx: GqlContext) {
    return this.cases.consentsOfCaseLoader(ctx.loaders, actorOf(ctx)).load(c.id);
  }

  @ResolveField(() => [HandoverModel])
  handovers(@Parent() c: CaseModel, @Context() ctx: GqlContext) {
    return this.cases.handoversOfCaseLoader(ctx.loaders, actorOf(ctx)).load(c.id);
  }
}

@Resolver(() => ConsentModel)
export class ConsentResolver {
  constructor(
    private readonly cases: CaseService,
    private readonly service: ConsentHandoverService,
    private readonly alliances: AllianceService,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => ConsentModel)
  @Allow.signedIn(CASE_RULE)
  recordConsent(@CurrentActor() actor: Actor, @Args('input') input: RecordConsentInput) {
    return this.service.recordConsent(actor, input);
  }

  @Mutation(() => ConsentModel, {
    description: 'Takes effect at once: no read after it discloses data under this consent.',
  })
  @Allow.signedIn(CASE_RULE)
  withdrawConsent(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('note', { type: () => String, nullable: true }) note?: string,
  ) {
    return this.service.withdrawConsent(actor, id, note);
  }

  @ResolveField('case', () => CaseModel)
  case_(@Parent() k: ConsentModel, @Context() ctx: GqlContext) {
    return this.cases.caseLoader(ctx.loaders, actorOf(ctx)).load(k.caseId);
  }

  @ResolveField(() => [OrganisationModel])
  async recipients(@Parent() k: ConsentModel, @Context() ctx: GqlContext) {
    const orgs = await this.alliances.organisationLoader(ctx.loaders).loadMany(k.recipientIds);
    return orgs.filter((o) => o && !(o instanceof Error));
  }

  @ResolveField(() => UserModel)
  recordedBy(@Parent() k: ConsentModel, @Context() ctx: GqlContext) {
    return this.users.userLoader(ctx.loaders).load(k.recordedById);
  }
}

@Resolver(() => HandoverModel)
export class HandoverResolver {
  constructor(
    private readonly cases: CaseService,
    private readonly service: ConsentHandoverService,
    private readonly alliances: AllianceService,
    private readonly users: UsersService,
  ) {}

  @Query(() => [HandoverModel], { description: "Handovers to or from the caller's organisation." })
  @Allow.signedIn('CASE_WORKERs of the sending or the receiving organisation')
  handovers(
    @CurrentActor() actor: Actor,
    @Args('status', { type: () => [HandoverStatus], nullable: true }) status?: HandoverStatus[],
    @Args('incoming', { type: () => Boolean, nullable: true }) incoming?: boolean,
  ) {
    return this.service.list(actor, status, incoming);
  }

  @Mutation(() => HandoverModel)
  @Allow.signedIn(`${CASE_RULE} (the sender)`)
  requestHandover(@CurrentActor() actor: Actor, @Args('input') input: RequestHandoverInput) {
    return this.service.requestHandover(actor, input);
  }

  @Mutation(() => HandoverModel)
  @Allow.signedIn('CASE_WORKERs of the receiving organisation')
  acceptHandover(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.service.acceptHandover(actor, id);
  }

  @Mutation(() => HandoverModel)
  @Allow.signedIn('CASE_WORKERs of the receiving organisation')
  declineHandover(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
  ) {
    return this.service.declineHandover(actor, id, reason);
  }

  @Mutation(() => HandoverModel)
  @Allow.signedIn('CASE_WORKERs of the sending organisation')
  cancelHandover(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String, nullable: true }) reason?: string,
  ) {
    return this.service.cancelHandover(actor, id, reason);
  }

  @Mutation(() => HandoverModel)
  @Allow.signedIn('CASE_WORKERs of the receiving organisation')
  completeHandover(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('outcome') outcome: string,
  ) {
    return this.service.completeHandover(actor, id, outcome);
  }

  @ResolveField('case', () => CaseModel)
  case_(@Parent() h: HandoverModel, @Context() ctx: GqlContext) {
    return this.cases.caseLoader(ctx.loaders, actorOf(ctx)).load(h.caseId);
  }

  @ResolveField(() => OrganisationModel)
  from(@Parent() h: HandoverModel, @Context() ctx: GqlContext) {
    return this.alliances.organisationLoader(ctx.loaders).load(h.fromOrganisationId);
  }

  @ResolveField(() => OrganisationModel)
  to(@Parent() h: HandoverModel, @Context() ctx: GqlContext) {
    return this.alliances.organisationLoader(ctx.loaders).load(h.toOrganisationId);
  }

  @ResolveField(() => ConsentModel)
  consent(@Parent() h: HandoverModel, @Context() ctx: GqlContext) {
    return this.cases.consentLoader(ctx.loaders, actorOf(ctx)).load(h.consentId);
  }

  @ResolveField(() => UserModel)
  requestedBy(@Parent() h: HandoverModel, @Context() ctx: GqlContext) {
    return this.users.userLoader(ctx.loaders).load(h.requestedById);
  }

  @ResolveField(() => UserModel, { nullable: true })
  respondedBy(@Parent() h: HandoverModel, @Context() ctx: GqlContext) {
    return h.respondedById ? this.users.userLoader(ctx.loaders).load(h.respondedById) : null;
  }
}

@Resolver(() => DisclosureModel)
export class DisclosureResolver {
  constructor(
    private readonly cases: CaseService,
    private readonly alliances: AllianceService,
    private readonly users: UsersService,
  ) {}

  @ResolveField('case', () => CaseModel)
  case_(@Parent() d: DisclosureModel, @Context() ctx: GqlContext) {
    return this.cases.caseLoader(ctx.loaders, actorOf(ctx)).load(d.caseId);
  }

  @ResolveField(() => UserModel)
  reader(@Parent() d: DisclosureModel, @Context() ctx: GqlContext) {
    return this.users.userLoader(ctx.loaders).load(d.readerId);
  }

  @ResolveField(() => OrganisationModel)
  organisation(@Parent() d: DisclosureModel, @Context() ctx: GqlContext) {
    return this.alliances.organisationLoader(ctx.loaders).load(d.organisationId);
  }

  @ResolveField(() => HandoverModel)
  handover(@Parent() d: DisclosureModel, @Context() ctx: GqlContext) {
    return this.cases.handoverLoader(ctx.loaders, actorOf(ctx)).load(d.handoverId);
  }

  @ResolveField(() => ConsentModel)
  consent(@Parent() d: DisclosureModel, @Context() ctx: GqlContext) {
    return this.cases.consentLoader(ctx.loaders, actorOf(ctx)).load(d.consentId);
  }
}
