import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar } from '../../../core/src/index.js';
import { ConsentForm, SupportArea } from '../../../casework/src/index.js';

export enum CellSuppression {
  PRIMARY = 'PRIMARY',
  SECONDARY = 'SECONDARY',
}
registerEnumType(CellSuppression, {
  name: 'CellSuppression',
  description: 'Why a casework count is not published (statistical disclosure control).',
  valuesMap: {
    PRIMARY: { description: 'The count is below the minimum count (shown as "< 5").' },
    SECONDARY: {
      description:
        'Hidden so that a small count cannot be worked out from totals, or a sum that includes a hidden count (shown as "x").',
    },
  },
});

@ObjectType('StatisticCell', { description: 'One published casework count.' })
export class StatisticCellModel {
  @Field(() => Int, { nullable: true, description: 'null when suppressed.' })
  value: number | null;
  @Field(() => CellSuppression, { nullable: true })
  suppressed: CellSuppression | null;
  @Field({ description: 'The count as printed: the number, "< 5" (primary) or "x" (secondary).' })
  display: string;
}

@ObjectType('CaseFigures')
export class CaseFiguresModel {
  @Field(() => SupportArea, { nullable: true, description: 'null: all cases (each counted once).' })
  area: SupportArea | null;
  @Field(() => StatisticCellModel)
  opened: StatisticCellModel;
  @Field(() => StatisticCellModel)
  closed: StatisticCellModel;
  @Field(() => StatisticCellModel)
  erased: StatisticCellModel;
}

@ObjectType('HandoverFigures')
export class HandoverFiguresModel {
  @Field(() => ID, { nullable: true, description: 'null (with toOrganisationId): all handovers.' })
  fromOrganisationId: string | null;
  @Field(() => String, { nullable: true })
  fromOrganisationName: string | null;
  @Field(() => ID, { nullable: true })
  toOrganisationId: string | null;
  @Field(() => String, { nullable: true })
  toOrganisationName: string | null;
  @Field(() => StatisticCellModel)
  requested: StatisticCellModel;
  @Field(() => StatisticCellModel, {
    description: 'Accepted in the period (also if later completed or cancelled).',
  })
  accepted: StatisticCellModel;
  @Field(() => StatisticCellModel)
  declined: StatisticCellModel;
  @Field(() => StatisticCellModel)
  completed: StatisticCellModel;
  @Field(() => Float, {
    nullable: true,
    description:
      'Median hours from request to acceptance; only where the acceptances are published and at least the minimum count, and per quarter.',
  })
  medianHoursToAccept: number | null;
}

@ObjectType('ConsentFormFigures')
export class ConsentFormFiguresModel {
  @Field(() => ConsentForm, { nullable: true, description: 'null: all consents.' })
  form: ConsentForm | null;
  @Field(() => StatisticCellModel)
  recorded: StatisticCellModel;
  @Field(() => StatisticCellModel)
  withdrawn: StatisticCellModel;
}

@ObjectType('ConsentLanguageFigures')
export class ConsentLanguageFiguresModel {
  @Field(() => String, { nullable: true, description: 'ISO 639-1 code; null: all consents.' })
  language: string | null;
  @Field(() => StatisticCellModel)
  recorded: StatisticCellModel;
}

@ObjectType('ConsentInterpreterFigures')
export class ConsentInterpreterFiguresModel {
  @Field(() => Boolean, { nullable: true, description: 'null: all consents.' })
  interpreterUsed: boolean | null;
  @Field(() => StatisticCellModel)
  recorded: StatisticCellModel;
}

@ObjectType('CaseworkFigures', { description: 'The casework tables of one period.' })
export class CaseworkFiguresModel {
  @Field()
  label: string;
  @Field(() => DateScalar)
  from: string;
  @Field(() => DateScalar)
  to: string;
  @Field(() => [CaseFiguresModel])
  cases: CaseFiguresModel[];
  @Field(() => [HandoverFiguresModel])
  handovers: HandoverFiguresModel[];
  @Field(() => [ConsentFormFiguresModel])
  consentsByForm: ConsentFormFiguresModel[];
  @Field(() => [ConsentLanguageFiguresModel])
  consentsByLanguage: ConsentLanguageFiguresModel[];
  @Field(() => [ConsentInterpreterFiguresModel])
  consentsByInterpreter: ConsentInterpreterFiguresModel[];
}

@ObjectType('CaseworkStatistics')
export class CaseworkStatisticsModel {
  @Field({
    description: 'true: published figures with disclosure control; false: own figures, internal use only.',
  })
  suppressed: boolean;
  @Field(() => Int, { nullable: true })
  minimumCount: number | null;
  @Field(() => ID, { nullable: true, description: "Set for an organisation's own figures." })
  organisationId: string | null;
  @Field(() => [CaseworkFiguresModel], {
    description: 'The finished calendar quarters that lie wholly within the period (the fixed grid).',
  })
  quarters: CaseworkFiguresModel[];
  @Field(() => CaseworkFiguresModel, {
    nullable: true,
    description: 'The whole period: sums of the quarters (published), or exactly the period (own figures).',
  })
  total: CaseworkFiguresModel | null;
  @Field(() => [String], { description: 'Quarters within the period that have not ended yet.' })
  unpublishedQuarters: string[];
}
