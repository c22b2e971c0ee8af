import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../../../core/src/index.js';
import { GoalStatus } from '../coordination.enums.js';

/** alliance, parent, children, ownerPartners, indicators, taskProgress and tasks are field resolvers. */
@ObjectType('Goal')
export class GoalModel {
  @Field(() => ID)
  id: string;
  allianceId: string;
  parentId: string | null;
  @Field()
  title: string;
  @Field(() => String, { nullable: true })
  description: string | null;
  @Field(() => GoalStatus)
  status: GoalStatus;
  @Field(() => DateScalar, { nullable: true })
  startsOn: string | null;
  @Field(() => DateScalar, { nullable: true })
  dueOn: string | null;
}

/** goal, current and measurements are field resolvers. */
@ObjectType('Indicator', {
  description: "A measurable target of a goal, e.g. 'people placed into employment'.",
})
export class IndicatorModel {
  @Field(() => ID)
  id: string;
  allianceId: string;
  goalId: string;
  @Field()
  name: string;
  @Field()
  unit: string;
  @Field(() => Float)
  baseline: number;
  @Field(() => Float)
  target: number;
}

/** recordedBy is a field resolver. */
@ObjectType('Measurement')
export class MeasurementModel {
  @Field(() => ID)
  id: string;
  indicatorId: string;
  @Field(() => Float)
  value: number;
  @Field(() => DateScalar)
  observedOn: string;
  @Field(() => String, { nullable: true })
  note: string | null;
  recordedBy: string;
  @Field({ description: 'When the measurement was recorded.' })
  recordedAt: Date;
}
