import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ConsentEvidence', {
  description:
    "The signed consent sheet as a file, stored encrypted like case data; only the owning organisation's case workers see it. Download: GET /cases/{caseId}/consents/{consentId}/evidence.",
})
export class ConsentEvidenceModel {
  consentId: string;
  @Field({ description: 'application/pdf, image/jpeg or image/png, as recognised from the content.' })
  mediaType: string;
  @Field(() => Int)
  byteSize: number;
  uploadedById: string;
  @Field()
  uploadedAt: Date;
}
