import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../../../core/src/index.js';
import { LegalDomain, OrganisationKind, PartnerStatus } from './alliance.enums.js';

@ObjectType('Organisation')
export class OrganisationModel {
  @Field(() => ID)
  id: string;
  @Field()
  name: string;
  @Field(() => String, { nullable: true })
  shortName: string | null;
  @Field(() => OrganisationKind)
  kind: OrganisationKind;
  @Field(() => [LegalDomain])
  legalDomains: LegalDomain[];
}

/** `partners` and `members` are field resolvers; `goals` lives in the coordination context. */
@ObjectType('Alliance', { description: "A local alliance (Bündnis) of partners, e.g. one municipality's." })
export class AllianceModel {
  @Field(() => ID)
  id: string;
  @Field()
  name: string;
  @Field()
  municipality: string;
  @Field(() => String, { nullable: true })
  description: string | null;
  @Field(() => Float, {
    description:
      'Share of invited partners that must be present for a meeting to be quorate; default 0.5 (more than half).',
  })
  quorumShare: number;
}

@ObjectType('Partner', { description: "An organisation's participation in one alliance." })
export class PartnerModel {
  @Field(() => ID)
  id: string;
  allianceId: string;
  organisationId: string;
  @Field(() => PartnerStatus)
  status: PartnerStatus;
  @Field(() => DateScalar, { nullable: true })
  joinedOn: string | null;
  @Field(() => DateScalar, { nullable: true })
  leftOn: string | null;
}
