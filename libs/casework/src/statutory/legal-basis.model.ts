import { Field, ObjectType } from '@nestjs/graphql';
import { LEGAL_BASES_VERSION, type LegalBasisEntry } from './legal-bases.js';

@ObjectType('LegalBasis', {
  description:
    "A statutory basis on which a case may be handed over without the client's consent, from the portal's maintained code list.",
})
export class LegalBasisModel {
  @Field({ description: 'Stable code, e.g. SGB_X_69_1_1.' })
  code: string;
  @Field({ description: 'As cited in German files, e.g. "§ 69 Abs. 1 Nr. 1 SGB X".' })
  citation: string;
  @Field()
  titleDe: string;
  @Field()
  titleEn: string;
  @Field({
    description:
      'Whether the basis itself permits health data; otherwise HEALTH needs the written or electronic consent of the client.',
  })
  permitsHealth: boolean;
  @Field({ description: 'The version of the code list this entry comes from.' })
  listVersion: string;
  @Field(() => String, {
    nullable: true,
    description: 'Set when the basis can no longer be chosen (records made under it keep it).',
  })
  retired: string | null;
}

export function toLegalBasisModel(b: LegalBasisEntry): LegalBasisModel {
  return {
    code: b.code,
    citation: b.citation,
    titleDe: b.title.de,
    titleEn: b.title.en,
    permitsHealth: b.permitsHealth,
    listVersion: LEGAL_BASES_VERSION,
    retired: b.retired ?? null,
  };
}
