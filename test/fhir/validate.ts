import { Ajv, type ValidateFunction } from 'ajv';
import fhirpath from 'fhirpath';
import r5 from 'fhirpath/fhir-context/r5/index.js';
import { readFileSync } from 'node:fs';

/**
 * Validation of FHIR R5 resources against the official package hl7.fhir.r5.core 5.0.0: the JSON
 * schema (property names and types), the required elements of the StructureDefinitions, and every
 * error-level invariant (the resource's own and those of the data types it uses) with FHIRPath.
 */
const PACKAGE = 'node_modules/hl7.fhir.r5.core';
const ROOTS = ['Bundle', 'Consent', 'Task', 'Organization', 'CodeSystem', 'OperationOutcome'];
const DATA_TYPES = [
  'Element',
  'BackboneElement',
  'Extension',
  'Period',
  'Reference',
  'Attachment',
  'Coding',
  'CodeableConcept',
  'CodeableReference',
  'Identifier',
  'Meta',
  'Narrative',
];

let validators: Record<string, ValidateFunction> | undefined;

/** The draft-06 schema, reduced to the definitions these resources reach (a Bundle's entries are validated one by one). */
function schemaValidators(): Record<string, ValidateFunction> {
  if (validators) return validators;
  const raw = JSON.parse(readFileSync(`${PACKAGE}/openapi/fhir.schema.json`, 'utf8'));
  const defs: Record<string, unknown> = {};
  const todo = [...ROOTS];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object')
      for (const [k, v] of Object.entries(n)) {
        if (k === '$ref' && typeof v === 'string') {
          const name = v.replace('#/definitions/', '');
          if (name !== 'ResourceList' && !defs[name]) todo.push(name);
        } else walk(v);
      }
  };
  while (todo.length) {
    const name = todo.pop()!;
    if (defs[name]) continue;
    defs[name] = raw.definitions[name];
    walk(defs[name]);
  }
  defs.ResourceList = { type: 'object', required: ['resourceType'] };
  // draft-06 `id` is `$id` for ajv 8; the package's patterns need non-unicode regular expressions.
  const ajv = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true });
  ajv.addSchema({ $id: raw.id, definitions: defs });
  validators = Object.fromEntries(ROOTS.map((r) => [r, ajv.getSchema(`${raw.id}#/definitions/${r}`)!]));
  return validators;
}

const sds = new Map<string, any>();
function structure(type: string): any {
  if (!sds.has(type))
    sds.set(type, JSON.parse(readFileSync(`${PACKAGE}/StructureDefinition-${type}.json`, 'utf8')));
  return sds.get(type);
}

function evaluate(resource: any, expression: string): unknown[] {
  return fhirpath.evaluate(
    resource,
    expression,
    { resource, rootResource: resource },
    r5 as any,
    {
      traceFn: () => undefined,
    } as any,
  ) as unknown[];
}

/** The problems of one resource (and, for a Bundle, of each entry's resource). */
export function fhirProblems(resource: any): string[] {
  const problems: string[] = [];
  const type = resource?.resourceType;
  const validate = schemaValidators()[type];
  if (!validate) return [`unexpected resourceType ${type}`];
  if (!validate(resource))
    problems.push(...(validate.errors ?? []).map((e) => `${type} schema: ${e.instancePath} ${e.message}`));
  const sd = structure(type);
  for (const el of sd.snapshot.element) {
    const path: string = el.path;
    const parts = path.split('.');
    // Required elements: wherever the parent is present, the element is.
    if (el.min >= 1 && parts.length > 1) {
      const child = parts[parts.length - 1].replace('[x]', '');
      const parent = parts.slice(0, -1).join('.');
      if (evaluate(resource, `${parent}.all(${child}.exists())`)[0] !== true)
        problems.push(`${path} is required (min ${el.min})`);
    }
    for (const c of el.constraint ?? []) {
      if (c.severity !== 'error' || !c.expression) continue;
      const expr = parts.length === 1 ? c.expression : `${path.replace('[x]', '')}.all(${c.expression})`;
      const result = evaluate(resource, expr);
      if (result[0] !== true) problems.push(`${type} ${c.key} at ${path}: ${c.human}`);
    }
  }
  for (const dt of DATA_TYPES) {
    for (const el of structure(dt).snapshot.element) {
      if (el.path !== dt) continue;
      for (const c of el.constraint ?? []) {
        if (c.severity !== 'error' || !c.expression) continue;
        if (evaluate(resource, `descendants().ofType(${dt}).all(${c.expression})`)[0] !== true)
          problems.push(`${type}: ${dt} ${c.key}: ${c.human}`);
      }
    }
  }
  if (type === 'Bundle')
    for (const [i, e] of (resource.entry ?? []).entries())
      problems.push(...fhirProblems(e.resource).map((p) => `entry[${i}] ${p}`));
  return problems;
}
