/**
 * A casework list costs what the caller sees, not the deployment's size. The deployment is
 * filled by the scale bench's generator (10,000 cases of 50 other organisations around the measured
 * owner's 500 and the receiver's 300), statistics are fresh (the generator ANALYZEs), and every
 * statement each list issues is EXPLAINed exactly as it ran, with its parameters: none may scan a
 * casework table sequentially, and the case lists must reach `cases` through an index.
 */
import { QueryCounter } from '../../libs/core/src/index.js';
import { CaseCrypto } from '../../libs/casework/src/index.js';
import { generateCasework, SMALL_CASEWORK } from '../../bench/casework-generate.js';
import type { TestApp } from '../utils/test-app.js';
import type { BuiltAlliance } from '../utils/builders.js';
import { withCaseworkApp } from './helpers.js';

const CASEWORK_TABLES = ['cases', 'case_data', 'consents', 'handovers', 'disclosures'];
/**
 * Tables that grow with the deployment and must never be scanned. consents and handovers stay small
 * here (a few thousand rows), where hashing them is the planner's right choice; at full size their
 * lookups are by index (the scale bench's EXPLAINs).
 */
const NEVER_SCANNED = ['cases', 'case_data', 'disclosures'];
const LIST = `query($f: CaseFilter, $after: String) { cases(first: 50, filter: $f, after: $after) {
  totalCount pageInfo { endCursor } edges { node { id reference visibleCategories identity { familyName } language { germanLevel }
  residence { status } consents { id } handovers { id to { id } consent { id } } } } } }`;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

/**
 * A plan names partitions of `disclosures` (monthly: `disclosures_2026_11`, and
 * `disclosures_default`). A scan of one that holds rows counts as a scan of the table; an empty
 * partition (a coming month) may be scanned, as reading it costs nothing.
 */
const populatedPartitions = new Set<string>();
function parentOf(relation: string | undefined): string {
  return populatedPartitions.has(relation ?? '') ? 'disclosures' : (relation ?? '');
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

describe('casework: list plans at scale', () => {
  let t: TestApp;
  let a: BuiltAlliance;
  let disclosedCaseId: string;
  withCaseworkApp((app, alliance) => {
    t = app;
    a = alliance;
  });

  beforeAll(async () => {
    const generated = await generateCasework(
      t.db,
      t.app.get(CaseCrypto),
      {
        allianceId: a.allianceId,
        owner: a.orgs.kim,
        receiver: a.orgs.jc,
        ownerWorker: a.users.kim.id,
        receiverWorker: a.users.jc.id,
      },
      { ...SMALL_CASEWORK, cases: 10_000, organisations: 50 },
    );
    console.info(`casework plans: generated ${JSON.stringify(generated.counts)} in ${generated.seconds} s`);
    disclosedCaseId = generated.disclosedCaseId;
    const { rows } = await t.db.query(
      `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'disclosures'::regclass AND c.reltuples > 0`,
    );
    rows.forEach((r: { relname: string }) => populatedPartitions.add(r.relname));
    expect(populatedPartitions.size).toBeGreaterThan(0);
    expect(generated.counts.cases).toBe(10_000);
  }, 300_000);

  /** Runs the request, then EXPLAINs each of its statements that reads a casework table. */
  async function plansOf(query: string, variables: Record<string, unknown>, token: string) {
    QueryCounter.reset();
    QueryCounter.recording = true;
    let res;
    try {
      res = await t.gql(query, variables, token);
    } finally {
      QueryCounter.recording = false;
    }
    expect(res.errors).toBeUndefined();
    const statements = QueryCounter.statements.filter(
      (s) => /^\s*(WITH|SELECT)/i.test(s.query) && CASEWORK_TABLES.some((table) => s.query.includes(table)),
    );
    const plans: { query: string; nodes: PlanNode[] }[] = [];
    for (const s of statements) {
      const { rows } = await t.db.query(`EXPLAIN (FORMAT JSON) ${s.query}`, s.parameters);
      plans.push({ query: s.query, nodes: nodes(rows[0]['QUERY PLAN'][0].Plan) });
    }
    return { res, plans };
  }

  function expectIndexedOnly(plans: { query: string; nodes: PlanNode[] }[]) {
    expect(plans.length).toBeGreaterThan(0);
    for (const p of plans) {
      const scans = p.nodes
        .filter((n) => n['Node Type'] === 'Seq Scan' && NEVER_SCANNED.includes(parentOf(n['Relation Name'])))
        .map((n) => `${n['Relation Name']} in ${p.query.replace(/\s+/g, ' ').slice(0, 120)}`);
      expect(scans).toEqual([]);
    }
  }

  function expectCasesByIndex(plans: { query: string; nodes: PlanNode[] }[]) {
    const listStatements = plans.filter((p) => /FROM cases c/.test(p.query));
    expect(listStatements.length).toBeGreaterThan(0);
    for (const p of listStatements)
      expect(
        p.nodes.some((n) => n['Relation Name'] === 'cases' && /Index|Bitmap Heap/.test(n['Node Type'])),
      ).toBe(true);
  }

  it("the receiver's list (300 handed over among 10,000 cases): first page with totalCount and the next page", async () => {
    const first = await plansOf(LIST, {}, a.users.jc.token);
    expect(first.res.data.cases.totalCount).toBe(
      SMALL_CASEWORK.handedToReceiver + SMALL_CASEWORK.requestedOfReceiver,
    );
    expect(first.res.data.cases.edges.filter((e: any) => e.node.identity).length).toBeGreaterThan(0);
    expectIndexedOnly(first.plans);
    expectCasesByIndex(first.plans);
    expect(first.plans.filter((p) => /count\(/.test(p.query))).toHaveLength(1);
    // A page without totalCount counts nothing.
    const next = await plansOf(
      LIST.replace('totalCount ', ''),
      { after: first.res.data.cases.pageInfo.endCursor },
      a.users.jc.token,
    );
    expect(next.plans.filter((p) => /count\(/.test(p.query))).toEqual([]);
    expectIndexedOnly(next.plans);
    expectCasesByIndex(next.plans);
  });

  it("the owner's list: unfiltered, by status, own only, handed over only, by family name, later page", async () => {
    const unfiltered = await plansOf(LIST, {}, a.users.kim.token);
    expect(unfiltered.res.data.cases.totalCount).toBe(SMALL_CASEWORK.ownCases);
    for (const f of [
      {},
      { status: ['OPEN'] },
      { handedOver: false },
      { handedOver: true },
      { search: 'Familie7' },
      { supportArea: 'EMPLOYMENT' },
    ]) {
      const { plans } = await plansOf(LIST, { f }, a.users.kim.token);
      expectIndexedOnly(plans);
    }
    const later = await plansOf(
      LIST,
      { after: unfiltered.res.data.cases.pageInfo.endCursor },
      a.users.kim.token,
    );
    expectIndexedOnly(later.plans);
    expectCasesByIndex(later.plans);
  });

  it('the handover inbox, both directions, and a single case', async () => {
    const inbox = await plansOf(
      `{ handovers(incoming: true, status: [REQUESTED]) { id case { reference } consent { id } } }`,
      {},
      a.users.jc.token,
    );
    expect(inbox.res.data.handovers).toHaveLength(SMALL_CASEWORK.requestedOfReceiver);
    expectIndexedOnly(inbox.plans);
    expectIndexedOnly((await plansOf(`{ handovers { id status } }`, {}, a.users.kim.token)).plans);
    const one = await plansOf(
      `query($id: ID!) { case(id: $id) { reference identity { familyName } } }`,
      { id: disclosedCaseId },
      a.users.jc.token,
    );
    expectIndexedOnly(one.plans);
  });

  it('disclosures of one case: first page with totalCount and the next page', async () => {
    const q = `query($id: ID!, $after: String) { disclosures(caseId: $id, first: 50, after: $after) {
      totalCount pageInfo { endCursor } edges { node { at categories reader { id } } } } }`;
    const first = await plansOf(q, { id: disclosedCaseId }, a.users.kim.token);
    expect(first.res.data.disclosures.totalCount).toBeGreaterThanOrEqual(200);
    expectIndexedOnly(first.plans);
    const next = await plansOf(
      q,
      { id: disclosedCaseId, after: first.res.data.disclosures.pageInfo.endCursor },
      a.users.kim.token,
    );
    expectIndexedOnly(next.plans);
  });
});
