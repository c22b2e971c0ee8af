import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('ConsentSheetLanguage', {
  description:
    'A language the consent sheet is printed in beside German: GET /cases/{caseId}/consents/{consentId}/sheet.pdf?lang={code} (or sheet.html).',
})
export class ConsentSheetLanguageModel {
  @Field({ description: 'ar, fa, uk, ru, tr, en, fr, or de-ls (German in plain language).' })
  code: string;
  @Field({ description: 'The language in itself, e.g. العربية.' })
  name: string;
  @Field({ description: 'The language in German, e.g. Arabisch.' })
  germanName: string;
  @Field()
  rightToLeft: boolean;
}
