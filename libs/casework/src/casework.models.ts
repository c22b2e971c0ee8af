import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, DateScalar } from '../../core/src/index.js';
import {
  CaseClosingReason,
  CaseStatus,
  CefrLevel,
  ConsentForm,
  ConsentStatus,
  DataCategory,
  HandoverAccessEnd,
  HandoverChange,
  HandoverStatus,
  SupportArea,
} from './casework.enums.js';

// Relations (owner, caseWorker, category data, consents, handovers, case, …) are @ResolveFields in
// the resolvers, so no model class refers to another at definition time.

@ObjectType('IdentityData')
export class IdentityData {
  @Field()
  givenName: string;
  @Field()
  familyName: string;
  @Field(() => DateScalar, { nullable: true })
  dateOfBirth: string | null;
}

@ObjectType('ContactData')
export class ContactData {
  @Field(() => String, { nullable: true })
  phone: string | null;
  @Field(() => String, { nullable: true })
  email: string | null;
  @Field(() => String, { nullable: true })
  address: string | null;
}

@ObjectType('LanguageData')
export class LanguageData {
  @Field(() => CefrLevel, { nullable: true })
  germanLevel: CefrLevel | null;
  @Field(() => [String])
  otherLanguages: string[];
  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType('ResidenceData')
export class ResidenceData {
  @Field(() => String, { nullable: true })
  status: string | null;
  @Field(() => DateScalar, { nullable: true })
  permitValidUntil: string | null;
  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType('EducationEmploymentData')
export class EducationEmploymentData {
  @Field(() => [String])
  qualifications: string[];
  @Field(() => String, { nullable: true })
  recognitionStatus: string | null;
  @Field(() => [String])
  jobWishes: string[];
  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType('HousingData')
export class HousingData {
  @Field(() => String, { nullable: true })
  situation: string | null;
  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType('FamilyData')
export class FamilyData {
  @Field(() => Int, { nullable: true })
  householdSize: number | null;
  @Field(() => Int, { nullable: true })
  childrenCount: number | null;
  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType('HealthData')
export class HealthData {
  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType('Case', {
  description:
    "One client's case. Every personal-data field is null when the viewer may not\n" +
    "see its category: the owning organisation's case workers see all categories;\n" +
    'another organisation sees only the categories of an accepted handover that an\n' +
    'active consent still covers, and every such read is recorded as a Disclosure.\n' +
    'The shell (id, reference, owner, status, dates) is visible to the owner and to\n' +
    'every organisation that has or had a handover of the case, also after\n' +
    "withdrawal or erasure; supportAreas, consents and handovers are the owner's,\n" +
    'except that a receiving organisation sees its own handovers and their consents.',
})
export class CaseModel {
  @Field(() => ID)
  id: string;
  @Field({ description: "Human-readable and free of personal data, e.g. 'KR-2026-00042'." })
  reference: string;
  ownerOrganisationId: string;
  caseWorkerId: string | null;
  @Field(() => CaseStatus)
  status: CaseStatus;
  /** Resolved: the owner's only. */
  supportAreasStored: SupportArea[];
  @Field()
  openedAt: Date;
  @Field(() => Date, { nullable: true })
  closedAt: Date | null;
  @Field(() => CaseClosingReason, { nullable: true, description: 'Why it was closed (while CLOSED).' })
  closingReason: CaseClosingReason | null;
  @Field(() => Date, { nullable: true, description: 'When it was last reopened.' })
  reopenedAt: Date | null;
  @Field(() => Int, {
    description:
      'Raised by every change of the case; pass it as updateCaseData’s expectedVersion to be refused (CONFLICT) instead of overwriting a colleague’s change.',
  })
  version: number;
  /** Whether the viewer of this request is a case worker of the owning organisation. */
  viewerIsOwner: boolean;
}

@ObjectType()
export class CaseConnection extends Connection(CaseModel, 'Case') {
  @Field(() => Int, {
    description:
      "How many cases the caller sees with this filter (exact). Counted only when selected, from the caller's own cases and those handed over to it: it costs what the caller sees, never the deployment's size.",
  })
  declare totalCount: number;
}

@ObjectType('Consent', {
  description:
    "The client's consent to share named categories of their data with named organisations for a purpose.",
})
export class ConsentModel {
  @Field(() => ID)
  id: string;
  caseId: string;
  recipientIds: string[];
  @Field(() => [DataCategory])
  categories: DataCategory[];
  @Field()
  purpose: string;
  @Field(() => ConsentForm)
  form: ConsentForm;
  @Field(() => String, {
    nullable: true,
    description: 'Where the signed form or record is kept, e.g. a document number.',
  })
  evidenceReference: string | null;
  @Field({ description: 'The language in which the client was informed of purpose and right to withdraw.' })
  informedInLanguage: string;
  @Field()
  interpreterUsed: boolean;
  @Field()
  validFrom: Date;
  @Field(() => Date, { nullable: true })
  validUntil: Date | null;
  @Field(() => ConsentStatus)
  status: ConsentStatus;
  recordedById: string;
  @Field()
  recordedAt: Date;
  @Field(() => Date, { nullable: true })
  withdrawnAt: Date | null;
  @Field(() => String, { nullable: true })
  withdrawalNote: string | null;
  /** Set for form STATUTORY: the code of the legal basis (resolved to `legalBasis`). */
  legalBasisCode: string | null;
  approvedById: string | null;
  @Field(() => Date, {
    nullable: true,
    description: 'A legal basis: when the second case worker approved it.',
  })
  approvedAt: Date | null;
  rejectedById: string | null;
  @Field(() => Date, {
    nullable: true,
    description: 'A legal basis: when the second case worker rejected it.',
  })
  rejectedAt: Date | null;
  @Field(() => String, { nullable: true })
  rejectionReason: string | null;
}

@ObjectType('Handover')
export class HandoverModel {
  @Field(() => ID)
  id: string;
  caseId: string;
  fromOrganisationId: string;
  toOrganisationId: string;
  consentId: string;
  @Field(() => [DataCategory])
  categories: DataCategory[];
  @Field(() => String, { nullable: true })
  message: string | null;
  @Field(() => HandoverStatus)
  status: HandoverStatus;
  requestedById: string;
  @Field()
  requestedAt: Date;
  respondedById: string | null;
  @Field(() => Date, { nullable: true })
  respondedAt: Date | null;
  @Field(() => String, { nullable: true })
  declineReason: string | null;
  @Field(() => String, { nullable: true })
  outcome: string | null;
  @Field(() => Date, { nullable: true, description: 'When the sending organisation cancelled it.' })
  cancelledAt: Date | null;
  @Field(() => String, {
    nullable: true,
    description: "The sending organisation's reason for cancelling, if given.",
  })
  cancelReason: string | null;
  @Field({ description: 'Whether the receiving organisation can read the shared categories right now.' })
  accessActive: boolean;
  completedById: string | null;
  @Field(() => Date, { nullable: true, description: 'When the receiving organisation completed it.' })
  completedAt: Date | null;
  @Field(() => Date, {
    nullable: true,
    description: 'When the access of an accepted handover ended (null while it lasts or never began).',
  })
  accessEndedAt: Date | null;
  @Field(() => HandoverAccessEnd, { nullable: true, description: 'Why that access ended.' })
  accessEndReason: HandoverAccessEnd | null;
  /** The legal basis code of its grant, when it rests on one. */
  legalBasisCode: string | null;
  /** Whether its legal basis still waits for approval. */
  basisPending: boolean;
}

@ObjectType('Disclosure', {
  description: "A record that someone outside the owning organisation read a case's personal data.",
})
export class DisclosureModel {
  @Field(() => ID)
  id: string;
  caseId: string;
  readerId: string;
  organisationId: string;
  @Field(() => [DataCategory])
  categories: DataCategory[];
  handoverId: string;
  consentId: string;
  /** The legal basis the read was made under (instead of a consent), when there was one. */
  legalBasisCode: string | null;
  @Field()
  at: Date;
}

@ObjectType()
export class DisclosureConnection extends Connection(DisclosureModel, 'Disclosure') {
  @Field(() => Int, {
    description:
      "How many disclosures the case has (exact). Counted only when selected, from the case's own index.",
  })
  declare totalCount: number;
}

@ObjectType('HandoverEvent', {
  description:
    "A change of a handover to or from the caller's organisation. Ids only: the client reads the handover and the case with its own access.",
})
export class HandoverEventModel {
  @Field(() => HandoverChange)
  change: HandoverChange;
  @Field(() => ID)
  handoverId: string;
  @Field(() => ID)
  caseId: string;
}
