/**
 * The rule a refused field broke, as a stable code in `extensions.fields[].rule`: clients map these
 * codes to sentences that say how to put it right (never the English `message`, which may change).
 * Append new codes; never rename or remove one (clients hold texts for them).
 */
export enum FieldRule {
  /** Fallback: a refusal that names no more precise rule. */
  INVALID = 'INVALID',
  /** The value is missing or blank. */
  REQUIRED = 'REQUIRED',
  /** A text or list is too short or too long. */
  LENGTH = 'LENGTH',
  /** A number outside the allowed range. */
  OUT_OF_RANGE = 'OUT_OF_RANGE',
  /** Not a value of the field's type (an id, an enum value, a number, …). */
  INVALID_VALUE = 'INVALID_VALUE',
  /** Not a calendar day or point in time. */
  INVALID_DATE = 'INVALID_DATE',
  INVALID_EMAIL = 'INVALID_EMAIL',
  /** The input names a field the operation does not know. */
  UNKNOWN_FIELD = 'UNKNOWN_FIELD',
  /** A paging cursor that does not belong to this list or order (start from the first page). */
  INVALID_CURSOR = 'INVALID_CURSOR',
  /** An end (date or time) before its start. */
  END_BEFORE_START = 'END_BEFORE_START',
  /** A date in the future where only past or present days count (a measurement). */
  DATE_IN_FUTURE = 'DATE_IN_FUTURE',
  /** A dependency or parent that would close a cycle. */
  CYCLE = 'CYCLE',
  /** A task named as waiting for itself. */
  SELF_REFERENCE = 'SELF_REFERENCE',
  /** A partner that is not (or no longer) an active partner of the alliance. */
  NOT_ACTIVE_PARTNER = 'NOT_ACTIVE_PARTNER',
  /** An object (goal, task, agenda item, …) of another alliance or meeting, or none at all. */
  NOT_IN_ALLIANCE = 'NOT_IN_ALLIANCE',
  /** An assignee who is not a member of the task's lead or contributing organisations. */
  ASSIGNEE_NOT_INVOLVED = 'ASSIGNEE_NOT_INVOLVED',
  /** Health data shared on an oral consent: it needs a written or electronic one. */
  HEALTH_NEEDS_WRITTEN_CONSENT = 'HEALTH_NEEDS_WRITTEN_CONSENT',
  /** A report period longer than allowed. */
  PERIOD_TOO_LONG = 'PERIOD_TOO_LONG',
}

/** Every rule code the API can answer; the web app holds a German and an English text for each. */
export const FIELD_RULES: readonly FieldRule[] = Object.values(FieldRule);

/** class-validator's constraint names → rules; the first failed constraint in this order wins. */
const CONSTRAINT_RULES: [string, FieldRule][] = [
  ['whitelistValidation', FieldRule.UNKNOWN_FIELD],
  ['isDefined', FieldRule.REQUIRED],
  ['isNotEmpty', FieldRule.REQUIRED],
  ['arrayNotEmpty', FieldRule.REQUIRED],
  ['isCalendarDay', FieldRule.INVALID_DATE],
  ['isDate', FieldRule.INVALID_DATE],
  ['isDateString', FieldRule.INVALID_DATE],
  ['isIso8601', FieldRule.INVALID_DATE],
  ['isEmail', FieldRule.INVALID_EMAIL],
  ['length', FieldRule.LENGTH],
  ['minLength', FieldRule.LENGTH],
  ['maxLength', FieldRule.LENGTH],
  ['arrayMinSize', FieldRule.LENGTH],
  ['arrayMaxSize', FieldRule.LENGTH],
  ['min', FieldRule.OUT_OF_RANGE],
  ['max', FieldRule.OUT_OF_RANGE],
];

/** The rule of a field that failed these class-validator constraints. */
export function ruleOfConstraints(constraints: Record<string, string>): FieldRule {
  // NotBlank is a `matches` of a non-space character (validators.ts): a blank text is a missing one.
  if (/must not be blank$/.test(constraints.matches ?? '')) return FieldRule.REQUIRED;
  const failed = Object.keys(constraints);
  return CONSTRAINT_RULES.find(([name]) => failed.includes(name))?.[1] ?? FieldRule.INVALID_VALUE;
}

/** The rule of a value a scalar refused: a day or a point in time, or any other value. */
export function ruleOfScalar(scalar: string): FieldRule {
  return scalar === 'Date' || scalar === 'DateTime' ? FieldRule.INVALID_DATE : FieldRule.INVALID_VALUE;
}
