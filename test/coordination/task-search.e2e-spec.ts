/**
 * A search pages through its matches in the list's order, whichever way the page is found: a common
 * word fills its page from a bounded walk of the list in order, a rare one from the search index
 * (the matches first). Both must give exactly the pages that sorting all matches would give, page
 * after page, and `totalCount` with a search counts matches up to 1,000.
 */
import { generateLargeAlliance, LARGE } from '../../bench/coordination-generate.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

const LIST = `query($a: ID!, $f: TaskFilter, $o: TaskOrder, $after: String) {
  tasks(allianceId: $a, filter: $f, orderBy: $o, first: 50, after: $after) {
    totalCount pageInfo { endCursor hasNextPage } edges { node { id } } } }`;

const ORDERS: Record<string, string> = {
  DUE_ON: "coalesce(due_on, 'infinity'::date), id",
  UPDATED_AT: 'updated_at DESC, id DESC',
};

describe('coordination: task search pages', () => {
  let t: TestApp;
  let allianceId: string;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    const g = await generateLargeAlliance(t.databaseUrl, {
      ...LARGE,
      partners: 20,
      users: 100,
      goals: 10,
      tasks: 3_000,
      comments: 3_000,
    });
    await t.db.query('VACUUM (ANALYZE) tasks');
    allianceId = g.allianceId;
    token = await t.login(g.coordinatorEmail, g.password);
  }, 600_000);
  afterAll(() => t.close());

  /** Every page of the search, following the cursors; the first page's totalCount. */
  async function pages(filter: Record<string, unknown>, order: string) {
    const ids: string[] = [];
    let after: string | undefined;
    let totalCount: number | undefined;
    for (let i = 0; i < 100; i++) {
      const res = await t.gql(LIST, { a: allianceId, f: filter, o: order, after }, token);
      expect(res.errors).toBeUndefined();
      totalCount ??= res.data.tasks.totalCount;
      ids.push(...res.data.tasks.edges.map((e: any) => e.node.id));
      if (!res.data.tasks.pageInfo.hasNextPage) break;
      after = res.data.tasks.pageInfo.endCursor;
    }
    return { ids, totalCount };
  }

  const expected = async (word: string, order: string, status?: string[]) =>
    (
      await t.db.query(
        `SELECT id FROM tasks WHERE alliance_id = $1 AND search_vector @@ coordination_search_query($2)
            AND ($3::text[] IS NULL OR status = ANY($3)) ORDER BY ${ORDERS[order]}`,
        [allianceId, word, status ?? null],
      )
    ).rows.map((r: { id: string }) => r.id);

  it.each(Object.keys(ORDERS))(
    'a common word, ordered by %s: every page as sorting all matches gives it',
    async (order) => {
      const all = await expected('Sprachkurs', order);
      // A common word: more than a page in the first tasks of the list, and more than the count's cap.
      expect(all.length).toBeGreaterThan(1_000);
      const first = await t.gql(LIST, { a: allianceId, f: { search: 'Sprachkurs' }, o: order }, token);
      expect(first.data.tasks.totalCount).toBe(1_000);
      // Page through the first 300 matches (6 pages) and compare.
      const ids: string[] = [];
      let after: string | undefined;
      for (let i = 0; i < 6; i++) {
        const res = await t.gql(LIST, { a: allianceId, f: { search: 'Sprachkurs' }, o: order, after }, token);
        ids.push(...res.data.tasks.edges.map((e: any) => e.node.id));
        after = res.data.tasks.pageInfo.endCursor;
      }
      expect(ids).toEqual(all.slice(0, 300));
    },
  );

  it('a word with fewer matches than the walk finds pages the index answers, to the last one', async () => {
    // 'Jobmesse' with status OPEN: about one task in fifteen, so the walk's 2,000 tasks hold fewer
    // than a page of it somewhere along the way, and the later pages come from the matches.
    const all = await expected('Jobmesse', 'DUE_ON', ['OPEN']);
    expect(all.length).toBeGreaterThan(50);
    expect(all.length).toBeLessThan(1_000);
    const { ids, totalCount } = await pages({ search: 'Jobmesse', status: ['OPEN'] }, 'DUE_ON');
    expect(ids).toEqual(all);
    expect(totalCount).toBe(all.length);
  });

  it('a word no task has: an empty page and a count of 0', async () => {
    const { ids, totalCount } = await pages({ search: 'Zwischenstandxyz' }, 'DUE_ON');
    expect(ids).toEqual([]);
    expect(totalCount).toBe(0);
  });
});
