import { ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { isCalendarDay } from '../scalars/date.scalar.js';

@ValidatorConstraint({ name: 'isCalendarDay' })
export class IsCalendarDay implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isCalendarDay(value);
  }
  defaultMessage(): string {
    return 'must be a calendar day YYYY-MM-DD';
  }
}
