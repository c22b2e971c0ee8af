import { Matches, ValidateIf, type ValidationOptions } from 'class-validator';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else cannot name an existing object. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * For update inputs: an absent field is skipped, but an explicit null is validated (and so refused)
 * for fields that cannot be cleared.
 */
export function UnlessAbsent(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined, options);
}

/** Names of the fields present in an update input (explicit nulls included). */
export function presentFields<T extends object>(input: T): (keyof T & string)[] {
  return (Object.keys(input) as (keyof T & string)[]).filter((k) => (input as any)[k] !== undefined);
}

/** A text that is not only white space (names are trimmed before they are stored). */
export function NotBlank(options?: ValidationOptions): PropertyDecorator {
  return Matches(/\S/, { message: '$property must not be blank', ...options });
}
