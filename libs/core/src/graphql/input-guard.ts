import {
  type DocumentNode,
  GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  isInputObjectType,
  isInputType,
  isLeafType,
  isListType,
  isNonNullType,
  Kind,
  type OperationDefinitionNode,
  typeFromAST,
  type ValueNode,
  visit,
} from 'graphql';
import { DomainError, type FieldError } from '../errors/domain-error.js';
import { FieldRule, ruleOfScalar } from '../errors/field-rules.js';

/** graphql-js stops coercing variables after 50 errors; we list as many, then stop. */
export const MAX_FIELD_ERRORS = 50;

// C0 controls other than tab, line feed and carriage return, and DEL: never text (PostgreSQL refuses NUL).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// A UTF-16 surrogate without its partner is no character: validators throw on it (encodeURI) and
// PostgreSQL would store U+FFFD instead.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text may not be stored, if it may not. */
function textProblem(text: string): string | undefined {
  if (CONTROL.test(text)) return 'must not contain control characters (such as NUL)';
  if (LONE_SURROGATE.test(text)) return 'must be valid Unicode text (a lone surrogate is not)';
  return undefined;
}

class Collector {
  readonly errors: FieldError[] = [];
  get full(): boolean {
    return this.errors.length >= MAX_FIELD_ERRORS;
  }
  add(path: string, message: string, rule: FieldRule = FieldRule.INVALID_VALUE): void {
    if (!this.full) this.errors.push({ path, message, rule });
  }
}

/**
 * Where each variable is first used, as a dotted argument path: `createTask(input: { title: $t })`
 * maps `t` to `input.title`. Field errors name the argument path the schema documents, whatever
 * the client called its variables.
 */
export function variableArgumentPaths(document: DocumentNode): Map<string, string> {
  const paths = new Map<string, string>();
  const walk = (v: ValueNode, path: string) => {
    if (v.kind === Kind.VARIABLE) {
      if (!paths.has(v.name.value)) paths.set(v.name.value, path);
    } else if (v.kind === Kind.OBJECT) for (const f of v.fields) walk(f.value, `${path}.${f.name.value}`);
    else if (v.kind === Kind.LIST) v.values.forEach((x, i) => walk(x, `${path}.${i}`));
  };
  visit(document, {
    Argument(node) {
      walk(node.value, node.name.value);
    },
  });
  return paths;
}

/** The dotted argument path of the literal value that starts at `offset` in the document. */
export function literalArgumentPath(document: DocumentNode, offset: number): string | undefined {
  let found: string | undefined;
  const walk = (v: ValueNode, path: string) => {
    if (found !== undefined) return;
    if (v.loc?.start === offset) found = path;
    else if (v.kind === Kind.OBJECT) for (const f of v.fields) walk(f.value, `${path}.${f.name.value}`);
    else if (v.kind === Kind.LIST) v.values.forEach((x, i) => walk(x, `${path}.${i}`));
  };
  visit(document, {
    Argument(node) {
      walk(node.value, node.name.value);
    },
  });
  return found;
}

/** The operation and the fragments (a document may hold other operations that do not run). */
function ownDefinitions(document: DocumentNode, operation: OperationDefinitionNode): DocumentNode {
  return {
    ...document,
    definitions: document.definitions.filter((d) => d === operation || d.kind === Kind.FRAGMENT_DEFINITION),
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks a variable's value against its type as graphql-js will coerce it, naming each bad field. */
function checkValue(value: unknown, type: GraphQLInputType, path: string, out: Collector): void {
  if (out.full) return;
  if (isNonNullType(type)) {
    if (value === null || value === undefined)
      return out.add(path, 'is required and must not be null', FieldRule.REQUIRED);
    return checkValue(value, type.ofType, path, out);
  }
  if (value === null || value === undefined) return;
  if (isListType(type)) {
    if (Array.isArray(value)) value.forEach((item, i) => checkValue(item, type.ofType, `${path}.${i}`, out));
    else checkValue(value, type.ofType, path, out);
    return;
  }
  if (isInputObjectType(type)) {
    if (!isPlainObject(value)) return out.add(path, `must be an object of type ${type.name}`);
    const fields = type.getFields();
    for (const key of Object.keys(value))
      if (!(key in fields))
        out.add(`${path}.${key}`, `is not a field of ${type.name}`, FieldRule.UNKNOWN_FIELD);
    for (const field of Object.values(fields)) {
      const v = value[field.name];
      if (v === undefined) {
        if (isNonNullType(field.type) && field.defaultValue === undefined)
          out.add(`${path}.${field.name}`, 'is required', FieldRule.REQUIRED);
      } else checkValue(v, field.type, `${path}.${field.name}`, out);
    }
    return;
  }
  if (isLeafType(type)) {
    let parsed: unknown;
    try {
      parsed = type.parseValue(value);
    } catch (e) {
      return out.add(
        path,
        e instanceof Error ? e.message : `is not a valid ${type.name}`,
        ruleOfScalar(type.name),
      );
    }
    if (parsed === undefined) return out.add(path, `is not a valid ${type.name}`, ruleOfScalar(type.name));
    const problem = typeof parsed === 'string' ? textProblem(parsed) : undefined;
    if (problem) out.add(path, problem);
  }
}

/** String literals with control characters, anywhere in the operation's arguments. */
function checkLiterals(document: DocumentNode, out: Collector): void {
  const walk = (v: ValueNode, path: string) => {
    const problem = v.kind === Kind.STRING ? textProblem(v.value) : undefined;
    if (problem) out.add(path, problem);
    else if (v.kind === Kind.OBJECT) for (const f of v.fields) walk(f.value, `${path}.${f.name.value}`);
    else if (v.kind === Kind.LIST) v.values.forEach((x, i) => walk(x, `${path}.${i}`));
  };
  visit(document, {
    Argument(node) {
      walk(node.value, node.name.value);
    },
  });
}

/**
 * The edge check of every operation's input, before anything executes: each value that graphql-js
 * would refuse, and text with control characters, as a field error with its dotted argument path.
 * (The paths come from the walk itself, not from graphql-js's messages.)
 */
export function operationInputErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): FieldError[] {
  const out = new Collector();
  const usage = variableArgumentPaths(ownDefinitions(document, operation));
  for (const def of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, def.type as any);
    if (!type || !isInputType(type)) continue;
    const name = def.variable.name.value;
    const path = usage.get(name) ?? name;
    const value = variables?.[name];
    if (value === undefined) {
      if (isNonNullType(type) && !def.defaultValue) out.add(path, 'is required', FieldRule.REQUIRED);
    } else checkValue(value, type, path, out);
  }
  checkLiterals(ownDefinitions(document, operation), out);
  return out.errors;
}

/** The refusal of bad input before execution: BAD_USER_INPUT with its fields, HTTP 400. */
export function inputRefusal(fields: FieldError[]): GraphQLError {
  const message =
    fields.length === 1
      ? `Invalid value at "${fields[0].path}": ${fields[0].message}`
      : fields.length >= MAX_FIELD_ERRORS
        ? `Invalid input (the first ${MAX_FIELD_ERRORS} problems)`
        : 'Invalid input';
  return new GraphQLError(message, {
    originalError: DomainError.badInput(fields, message),
    extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
  });
}

/** Apollo plugin: refuses an operation with bad input before it executes (nothing is written). */
export const inputGuardPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation(ctx: {
        schema: GraphQLSchema;
        document: DocumentNode;
        operation?: OperationDefinitionNode;
        request: { variables?: Record<string, unknown> };
      }) {
        if (!ctx.operation) return;
        const fields = operationInputErrors(ctx.schema, ctx.document, ctx.operation, ctx.request.variables);
        if (fields.length) throw inputRefusal(fields);
      },
    };
  },
};
