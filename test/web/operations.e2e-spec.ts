import { GraphQLSchemaHost } from '@nestjs/graphql';
import { type DocumentNode, isEnumType, validate } from 'graphql';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestApp, type TestApp } from '../utils/test-app.js';
import { MESSAGES } from '../../apps/web/src/messages.js';
import { FIELD_RULES } from '../../libs/core/src/index.js';

const WEB = resolve(dirname(fileURLToPath(import.meta.url)), '../../apps/web');

/** The contract's error codes (its header), each of which the web app explains in plain language. */
const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'CONSENT_REQUIRED',
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e.name === 'gql'
        ? []
        : sources(join(dir, e.name))
      : /\.tsx?$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

describe('web front end: operations and texts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('every generated operation of apps/web validates against the schema the API serves now', async () => {
    // A runtime path, so the root type-check does not follow it into the web package.
    const generated = join(WEB, 'src/gql/graphql.ts');
    const ops: Record<string, unknown> = await import(generated);
    const documents = Object.entries(ops).filter(([name]) => name.endsWith('Document')) as [
      string,
      DocumentNode,
    ][];
    expect(documents.length).toBeGreaterThan(40);
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const invalid = documents
      .map(([name, doc]) => [name, validate(schema, doc).map((e) => e.message)] as const)
      .filter(([, errors]) => errors.length);
    expect(invalid).toEqual([]);
  });

  it('has a German and an English text for every API error code, every enum value shown and every key the code uses', () => {
    const missing: string[] = [];
    const check = (key: string) => {
      const m = MESSAGES[key];
      if (!m || !m[0]?.trim() || !m[1]?.trim()) missing.push(key);
    };
    for (const code of ERROR_CODES) check(`error.${code}`);
    check('error.NETWORK');
    // Every rule a refused field can name (extensions.fields[].rule) has its sentence in both languages.
    expect(FIELD_RULES.length).toBeGreaterThan(10);
    for (const rule of FIELD_RULES) check(`rule.${rule}`);

    const schema = t.app.get(GraphQLSchemaHost).schema;
    const shown = [
      'TaskStatus',
      'TaskPriority',
      'GoalStatus',
      'MeetingKind',
      'MeetingStatus',
      'AttendanceStatus',
      'DecisionOutcome',
      'DataCategory',
      'SupportArea',
      'CaseStatus',
      'ConsentForm',
      'ConsentStatus',
      'HandoverStatus',
      'OrganisationKind',
      'LegalDomain',
    ];
    for (const name of shown) {
      const type = schema.getType(name);
      if (!isEnumType(type)) throw new Error(`${name} is not an enum of the schema`);
      for (const v of type.getValues()) check(`enum.${name}.${v.name}`);
    }
    for (const c of (schema.getType('DataCategory') as any).getValues()) check(`category.hint.${c.name}`);

    for (const file of sources(join(WEB, 'src'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z.]+)'/g)) check(m[1]);
    }
    expect([...new Set(missing)]).toEqual([]);
  });
});
