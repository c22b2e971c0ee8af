import { type ArgumentMetadata, Injectable, type ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, type FieldError } from '../errors/domain-error.js';
import { ruleOfConstraints } from '../errors/field-rules.js';

class InputInvalid extends Error {
  constructor(readonly errors: ValidationError[]) {
    super('invalid input');
  }
}

function flatten(errors: ValidationError[], prefix: string, out: FieldError[] = []): FieldError[] {
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) {
      // One entry per field; several failed constraints share it ("…; …").
      const messages = [...new Set(Object.values(e.constraints).map((m) => m.replace(/^\S+ /, '')))];
      out.push({ path, message: messages.join('; '), rule: ruleOfConstraints(e.constraints) });
    }
    if (e.children?.length) flatten(e.children, path, out);
  }
  return out;
}

/**
 * class-validator on every argument, with whitelisting; failures become BAD_USER_INPUT that lists
 * each offending field by its dotted argument path ("input.password").
 */
@Injectable()
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => new InputInvalid(errors),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // A field resolver's parent, the context and the actor are the server's own objects, not input
    // (Nest passes them as 'custom'); skipping them spares every resolved field a validation pass.
    if (metadata.type === 'custom') return value;
    try {
      return await super.transform(value, metadata);
    } catch (e) {
      if (e instanceof InputInvalid) throw DomainError.badInput(flatten(e.errors, metadata.data ?? ''));
      throw e;
    }
  }
}
