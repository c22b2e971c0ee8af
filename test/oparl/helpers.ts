import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { aMember, expectData, type BuiltAlliance, anAlliance } from '../utils/builders.js';
import type { TestApp } from '../utils/test-app.js';
import { aMeetingAlliance, decide, meetingWith, run, schedule } from '../meetings/fixtures.js';
import { fullCaseInput, openCase } from '../casework/helpers.js';

export const PUBLIC_URL = 'https://buendnis.example.org';
export const ROOT = `${PUBLIC_URL}/oparl/v1.1/`;

// ── the specification's schemas ──────────────────────────────

const here = dirname(fileURLToPath(import.meta.url));
type Schema = { required?: string[]; properties: Record<string, any> };
export const SCHEMAS: Record<string, Schema> = Object.fromEntries(
  readdirSync(join(here, 'schema'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f.replace('.json', ''), JSON.parse(readFileSync(join(here, 'schema', f), 'utf8'))]),
);

const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats.default(ajv, ['date', 'date-time']);
// The specification's own format for object ids and links: an absolute http(s) URL.
ajv.addFormat('url', (v: string) => /^https?:\/\/[^\s]+$/.test(v) && URL.canParse(v));
const validators: Record<string, ValidateFunction> = Object.fromEntries(
  Object.entries(SCHEMAS).map(([name, s]) => [name, ajv.compile({ ...s, $id: undefined })]),
);

/** Checks one object (and everything it embeds) against the specification; returns the problems. */
export function checkObject(o: any, where: string, problems: string[]): void {
  const typeName = /^https:\/\/schema\.oparl\.org\/1\.1\/(\w+)$/.exec(o?.type ?? '')?.[1];
  if (!typeName || !validators[typeName]) {
    problems.push(`${where}: unknown type ${o?.type}`);
    return;
  }
  if (!o.deleted && !validators[typeName](o))
    problems.push(`${where} (${typeName}): ${ajv.errorsText(validators[typeName].errors)}`);
  if (o.deleted) {
    for (const k of ['id', 'type', 'created', 'modified'])
      if (typeof o[k] !== 'string') problems.push(`${where}: a deleted object keeps ${k}`);
    return;
  }
  for (const k of ['created', 'modified'])
    if (typeof o[k] !== 'string') problems.push(`${where} (${typeName}): ${k} missing`);
  if (o.created > o.modified && Date.parse(o.created) > Date.parse(o.modified))
    problems.push(`${where}: modified before created`);
  // Embedded objects: properties whose schema names an object schema, alone or in an array.
  for (const [key, prop] of Object.entries(SCHEMAS[typeName].properties)) {
    const value = o[key];
    if (value === undefined) continue;
    if (prop.type === 'object' && prop.schema) checkObject(value, `${where}.${key}`, problems);
    if (prop.type === 'array' && prop.items?.type === 'object' && Array.isArray(value))
      value.forEach((v: any, i: number) => checkObject(v, `${where}.${key}[${i}]`, problems));
  }
}

export function nullsIn(value: unknown, path = '$'): string[] {
  if (value === null) return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => nullsIn(v, `${path}[${i}]`));
  if (typeof value === 'object')
    return Object.entries(value as object).flatMap(([k, v]) => nullsIn(v, `${path}.${k}`));
  return [];
}

/** Every string value in a JSON document that is a URL of this portal. */
export function linksIn(value: unknown): string[] {
  if (typeof value === 'string') return value.startsWith(PUBLIC_URL) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(linksIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(linksIn);
  return [];
}

// ── HTTP ─────────────────────────────────────────────────────

export interface Fetched {
  url: string;
  status: number;
  headers: Record<string, string>;
  body: any;
  text: string;
  statements: number;
}

/** GETs a portal URL (canonical, under PUBLIC_URL) from the in-process app. */
export async function get(t: TestApp, url: string, headers: Record<string, string> = {}): Promise<Fetched> {
  if (!url.startsWith(PUBLIC_URL)) throw new Error(`not a portal URL: ${url}`);
  const path = url.slice(PUBLIC_URL.length) || '/';
  // The request's own statements (not those of a worker running beside it).
  const { status, headers: answered, raw, statements } = await t.get(path, headers);
  const isJson = /json/.test(answered['content-type'] ?? '');
  const text = isJson ? raw.toString('utf8') : '';
  return {
    url,
    status,
    headers: answered,
    body: isJson && text ? JSON.parse(text) : raw,
    text,
    statements,
  };
}

export async function pdfText(buffer: Buffer): Promise<string> {
  const pdfjs: any = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(buffer),
    standardFontDataUrl: `${process.cwd()}/node_modules/pdfjs-dist/standard_fonts/`,
    isEvalSupported: false,
  }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((x: any) => x.str).join(' '));
  }
  return pages.join('\n');
}

// ── the public record under test ─────────────────────────────

export const SECRET = {
  internalMeeting: 'Interne Runde Zeta',
  internalDecision: 'Interner Beschluss Zeta',
  internalText: 'Vertraulicher Beschlusstext Zeta',
  withdrawnMeeting: 'Zurückgezogene Sitzung Omega',
  hiddenAllianceMeeting: 'Sitzung eines nicht öffentlichen Bündnisses',
  clientFamilyName: 'Quellenberg',
  clientGivenName: 'Zarina',
  personNames: ['Wilhelmine Zwanziger', 'Korbinian Achterberg', 'Radegunde Immerfroh', 'Tassilo Wendelin'],
};

export interface PublicRecord {
  a: BuiltAlliance;
  approvedMeetingId: string;
  amendingMeetingId: string;
  internalMeetingId: string;
  withdrawnMeetingId: string;
  upcomingMeetingId: string;
  removedAgendaItemId: string;
  hiddenAllianceId: string;
  withdrawnAllianceId: string;
  caseReference: string;
  /** After the public record was set up: for modified_since. */
  setUpAt: string;
  beforeWithdrawal: string;
}

const SET_PUBLIC =
  'mutation($m: ID!, $p: Boolean!) { setMeetingPublic(meetingId: $m, public: $p) { id public } }';
const SET_RECORD =
  'mutation($i: SetAlliancePublicRecordInput!) { setAlliancePublicRecord(input: $i) { id publicRecord { published oparlUrl } } }';

/**
 * An alliance that opted in, with two approved public meetings (the second amends decisions of the
 * first), an internal approved meeting, a withdrawn meeting, an upcoming public meeting with a
 * removed agenda item, named attendees, follow-up tasks and a client's case; an alliance that never
 * opted in and one that opted out again.
 */
export async function aPublicRecord(t: TestApp): Promise<PublicRecord> {
  const a = await aMeetingAlliance(t);
  const names = SECRET.personNames;
  for (const [i, key] of ['fac', 'coord', 'fac2', 'memberB'].entries())
    await t.db.query('UPDATE users SET display_name = $2 WHERE id = $1', [a.users[key].id, names[i]]);
  const admin = a.users.admin.token;
  const fac = a.users.fac.token;
  await expectData(
    t,
    SET_RECORD,
    {
      i: {
        allianceId: a.allianceId,
        published: true,
        contactEmail: 'buendnis@teststadt.example',
        fundingPeriodStart: '2026-01-01',
        fundingPeriodEnd: '2028-12-31',
      },
    },
    admin,
  );

  const approvedMeetingId = await meetingWith(t, a, 3);
  const [{ meeting_id: amendingMeetingId }] = (
    await t.db.query(
      'SELECT meeting_id FROM decisions WHERE amends_id IS NOT NULL AND alliance_id = $1 LIMIT 1',
      [a.allianceId],
    )
  ).rows;
  await run(t, fac, 'adjournMeeting', amendingMeetingId);
  await expectData(
    t,
    'mutation($m: ID!) { saveMinutes(meetingId: $m, text: "Änderungen beschlossen.") { status } }',
    { m: amendingMeetingId },
    fac,
  );
  await expectData(
    t,
    'mutation($m: ID!) { approveMinutes(meetingId: $m) { status } }',
    { m: amendingMeetingId },
    fac,
  );
  for (const m of [approvedMeetingId, amendingMeetingId])
    await expectData(t, SET_PUBLIC, { m, p: true }, fac);

  const internal = await schedule(t, a, { title: SECRET.internalMeeting });
  await run(t, fac, 'startMeeting', internal.id);
  await decide(t, fac, internal.id, { title: SECRET.internalDecision, text: SECRET.internalText });
  await run(t, fac, 'adjournMeeting', internal.id);
  await expectData(
    t,
    'mutation($m: ID!) { saveMinutes(meetingId: $m, text: "Intern.") { status } }',
    { m: internal.id },
    fac,
  );
  await expectData(
    t,
    'mutation($m: ID!) { approveMinutes(meetingId: $m) { status } }',
    { m: internal.id },
    fac,
  );

  const upcoming = await schedule(t, a, { title: 'Öffentliche Lenkungsgruppe' });
  const items: string[] = [];
  for (const title of ['Bericht der Koordination', 'Wird gestrichen'])
    items.push(
      (
        await expectData(
          t,
          'mutation($i: AddAgendaItemInput!) { addAgendaItem(input: $i) { id } }',
          { i: { meetingId: upcoming.id, title } },
          fac,
        )
      ).addAgendaItem.id,
    );
  await expectData(t, SET_PUBLIC, { m: upcoming.id, p: true }, a.users.coord.token);
  const beforeWithdrawal = new Date().toISOString();
  await expectData(t, 'mutation($id: ID!) { removeAgendaItem(id: $id) { id } }', { id: items[1] }, fac);

  const withdrawn = await schedule(t, a, { title: SECRET.withdrawnMeeting });
  await expectData(t, SET_PUBLIC, { m: withdrawn.id, p: true }, fac);
  await expectData(t, SET_PUBLIC, { m: withdrawn.id, p: false }, fac);

  const hidden = await aMeetingAlliance(t);
  const hiddenMeeting = await schedule(t, hidden, { title: SECRET.hiddenAllianceMeeting });
  await expectData(t, SET_PUBLIC, { m: hiddenMeeting.id, p: true }, hidden.users.coord.token);

  const gone = await anAlliance(t, {
    partners: { x: {} },
    users: { adm: { org: 'x', roles: ['ALLIANCE_ADMIN'] } },
  });
  await expectData(
    t,
    SET_RECORD,
    { i: { allianceId: gone.allianceId, published: true } },
    gone.users.adm.token,
  );
  await expectData(
    t,
    SET_RECORD,
    { i: { allianceId: gone.allianceId, published: false } },
    gone.users.adm.token,
  );

  const cw = await aMember(t, a.allianceId, a.orgs.a, ['CASE_WORKER']);
  const kase = await openCase(
    t,
    cw.token,
    fullCaseInput({ givenName: SECRET.clientGivenName, familyName: SECRET.clientFamilyName }),
  );
  return {
    a,
    approvedMeetingId,
    amendingMeetingId,
    internalMeetingId: internal.id,
    withdrawnMeetingId: withdrawn.id,
    upcomingMeetingId: upcoming.id,
    removedAgendaItemId: items[1],
    hiddenAllianceId: hidden.allianceId,
    withdrawnAllianceId: gone.allianceId,
    caseReference: kase.reference,
    setUpAt: new Date().toISOString(),
    beforeWithdrawal,
  };
}

/**
 * Follows every link from the System: objects once each; every external list from its first page
 * through every `next` (with `limit` forced small, so paging is exercised); files too.
 */
export async function crawl(t: TestApp, opts: { limit?: number } = {}): Promise<Map<string, Fetched>> {
  const seen = new Map<string, Fetched>();
  const queue = [ROOT];
  while (queue.length) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    const res = await get(t, url);
    seen.set(url, res);
    if (!(res.body && typeof res.body === 'object' && !Buffer.isBuffer(res.body))) continue;
    for (const link of linksIn(res.body).filter((l) => l.startsWith(`${PUBLIC_URL}/oparl/`))) {
      let next = link;
      // The body's list URLs: start them with a small page so that every list pages.
      if (opts.limit && /\/bodies\/[^/?]+\/\w+$|\/bodies$/.test(link)) next = `${link}?limit=${opts.limit}`;
      if (!seen.has(next)) queue.push(next);
    }
  }
  return seen;
}
