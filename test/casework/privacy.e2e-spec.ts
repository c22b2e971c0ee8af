import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import type pg from 'pg';
import { startTestApp, codes, type TestApp } from '../utils/test-app.js';
import type { BuiltAlliance } from '../utils/builders.js';
import {
  casework,
  CASE_FIELDS,
  expectData,
  fullCaseInput,
  handedOver,
  openCase,
  recordConsent,
  REQUEST_HANDOVER,
  ACCEPT,
  withCaseworkApp,
} from './helpers.js';

const run = promisify(execFile);

/** Every text, varchar, json(b) and text[] column of every table that contains `needle` (case-insensitive). */
async function columnsContaining(db: pg.Pool, needle: string): Promise<string[]> {
  const cols = await db.query(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND (data_type IN ('text', 'character varying', 'jsonb', 'json', 'character') OR (data_type = 'ARRAY' AND udt_name IN ('_text', '_varchar')))`,
  );
  const hits: string[] = [];
  for (const { table_name, column_name } of cols.rows) {
    const r = await db.query(
      `SELECT count(*)::int AS n FROM "${table_name}" WHERE "${column_name}"::text ILIKE $1`,
      [`%${needle}%`],
    );
    if (r.rows[0].n > 0) hits.push(`${table_name}.${column_name}`);
  }
  return hits.sort();
}

/** Every row of every table as text (bytea as hex): the content of a data dump. */
async function rowsContaining(db: pg.Pool, needle: string): Promise<string[]> {
  const tables = await db.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const hex = Buffer.from(needle, 'utf8').toString('hex');
  const hits: string[] = [];
  for (const { table_name } of tables.rows) {
    const r = await db.query(
      `SELECT count(*)::int AS n FROM "${table_name}" t WHERE t::text ILIKE $1 OR t::text ILIKE $2`,
      [`%${needle}%`, `%${hex}%`],
    );
    if (r.rows[0].n > 0) hits.push(table_name);
  }
  return hits.sort();
}

async function pgDump(databaseUrl: string): Promise<string | null> {
  const bin = ['/usr/bin/pg_dump', '/usr/local/bin/pg_dump'].find(existsSync);
  if (!bin) return null;
  try {
    return (await run(bin, ['--data-only', '--dbname', databaseUrl], { maxBuffer: 256 * 1024 * 1024 }))
      .stdout;
  } catch {
    return null; // e.g. a pg_dump older than the server: the row scan above still covers the data
  }
}

describe('casework: personal data only in case data, encrypted; erasure; retention; Art. 15', () => {
  let t: TestApp;
  let a: BuiltAlliance;
  withCaseworkApp((app, alliance) => {
    t = app;
    a = alliance;
  });

  describe('invariant 1 and encryption at rest', () => {
    it('a database dump shows no client name: category data is AES-256-GCM ciphertext with a key id, search uses a keyed blind index', async () => {
      const client = { givenName: 'Seraphina', familyName: 'Quillfeather' };
      const h = await handedOver(t, a, client, ['IDENTITY', 'CONTACT']);
      await t.gql(
        `query($id: ID!) { case(id: $id) { identity { familyName } contact { address } } }`,
        { id: h.caseId },
        a.users.jc.token,
      );
      for (const name of [client.givenName, client.familyName, 'quillfeather']) {
        expect(await columnsContaining(t.db, name)).toEqual([]);
        expect(await rowsContaining(t.db, name)).toEqual([]);
      }
      const dump = await pgDump(t.databaseUrl);
      if (dump !== null) {
        expect(dump).toContain(h.reference); // the dump did include the casework tables
        expect(dump).not.toMatch(/Seraphina|Quillfeather/i);
      }
      const stored = await t.db.query(
        `SELECT category, key_id, octet_length(nonce) AS nonce, ciphertext FROM case_data WHERE case_id = $1 ORDER BY category`,
        [h.caseId],
      );
      expect(stored.rows.map((r: any) => r.category)).toEqual([
        'CONTACT',
        'EDUCATION_EMPLOYMENT',
        'FAMILY',
        'HEALTH',
        'HOUSING',
        'IDENTITY',
        'LANGUAGE',
        'RESIDENCE',
      ]);
      for (const r of stored.rows) {
        expect(r.key_id).toMatch(/^[0-9a-f]{16}$/);
        expect(r.nonce).toBe(12);
        expect(r.ciphertext.toString('utf8')).not.toMatch(/Quillfeather|Seraphina/);
      }
      expect(
        (await t.db.query(`SELECT family_name_index FROM cases WHERE id = $1`, [h.caseId])).rows[0]
          .family_name_index,
      ).toMatch(/^[0-9a-f]{64}$/);
    });

    it('a ciphertext moved to another case or category does not decrypt (authenticated with case and category); no data leaks', async () => {
      const one = await openCase(
        t,
        a.users.kim.token,
        fullCaseInput({ givenName: 'Ottoline', familyName: 'Brambleby' }),
      );
      const two = await openCase(
        t,
        a.users.kim.token,
        fullCaseInput({ givenName: 'Peregrin', familyName: 'Thistlewood' }),
      );
      await t.db.query(
        `UPDATE case_data d SET ciphertext = s.ciphertext, nonce = s.nonce FROM case_data s WHERE d.case_id = $2 AND d.category = 'IDENTITY' AND s.case_id = $1 AND s.category = 'IDENTITY'`,
        [one.id, two.id],
      );
      const res = await t.gql(
        `query($id: ID!) { case(id: $id) { reference identity { familyName } housing { situation } } }`,
        { id: two.id },
        a.users.kim.token,
      );
      expect(res.data.case.identity).toBeNull();
      expect(codes(res)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect((res.errors![0] as any).path).toEqual(['case', 'identity']);
      // Only the unreadable field fails; the case's other categories still read.
      expect(res.data.case.housing).toEqual({ situation: 'shared accommodation' });
      expect(JSON.stringify(res.body)).not.toMatch(/Brambleby|Thistlewood/);
    });

    it('keys rotate: rows name their key id; an instance with a new key and the old one as previous reads both and writes with the new one', async () => {
      const c = await openCase(
        t,
        a.users.kim.token,
        fullCaseInput({ givenName: 'Ysolde', familyName: 'Marchbanks' }),
      );
      const oldKeyId = (
        await t.db.query(`SELECT DISTINCT key_id FROM case_data WHERE case_id = $1`, [c.id])
      ).rows.map((r: any) => r.key_id);
      const rotated = await startTestApp({
        DATABASE_URL: t.databaseUrl,
        CASE_DATA_KEY: 'rotated-case-data-key-0123456789abcdef-xyz',
        CASE_DATA_PREVIOUS_KEYS: 'test-case-data-key-0123456789abcdef01234567',
      });
      const noOld = await startTestApp({
        DATABASE_URL: t.databaseUrl,
        CASE_DATA_KEY: 'rotated-case-data-key-0123456789abcdef-xyz',
      });
      try {
        const token = await rotated.login(a.users.kim.email, 'test-password-1234');
        const read = await rotated.gql(
          `query($id: ID!) { case(id: $id) { identity { familyName } } }`,
          { id: c.id },
          token,
        );
        expect(read.data.case.identity.familyName).toBe('Marchbanks');
        // Without the old key the data stays closed (an error, not plaintext or garbage).
        const closed = await noOld.gql(
          `query($id: ID!) { case(id: $id) { identity { familyName } } }`,
          { id: c.id },
          await noOld.login(a.users.kim.email, 'test-password-1234'),
        );
        expect(closed.data.case.identity).toBeNull();
        expect(codes(closed)).toEqual(['INTERNAL_SERVER_ERROR']);
        // Re-writing with the new key; both instances find the client by name (blind index under either key).
        await expectData(
          rotated,
          `mutation($i: UpdateCaseDataInput!) { updateCaseData(input: $i) { id } }`,
          { i: { caseId: c.id, identity: { givenName: 'Ysolde', familyName: 'Marchbanks' } } },
          token,
        );
        const keyIds = (await t.db.query(`SELECT category, key_id FROM case_data WHERE case_id = $1`, [c.id]))
          .rows;
        const identityKey = keyIds.find((r: any) => r.category === 'IDENTITY').key_id;
        expect(oldKeyId).toEqual([expect.any(String)]);
        expect(identityKey).not.toBe(oldKeyId[0]);
        expect(keyIds.filter((r: any) => r.key_id === oldKeyId[0]).length).toBe(7);
        const search = `{ cases(filter: { search: "marchbanks" }) { edges { node { id } } } }`;
        expect((await rotated.gql(search, {}, token)).data.cases.edges).toEqual([{ node: { id: c.id } }]);
      } finally {
        await rotated.close();
        await noOld.close();
      }
    });
  });

  describe('invariant 7: erasure', () => {
    it('eraseCase deletes the category data and every trace of the name; reference, dates, status and pseudonymous history remain', async () => {
      const client = { givenName: 'Wendeline', familyName: 'Abernathy-Crowe' };
      const c = await openCase(t, a.users.kim.token, fullCaseInput(client));
      // Free texts around the case where a case worker might write the name.
      const consentId = await recordConsent(t, a.users.kim.token, {
        caseId: c.id,
        recipientIds: [a.orgs.jc, a.orgs.aa],
        categories: ['IDENTITY', 'LANGUAGE'],
        purpose: `Placement of ${client.givenName}`,
        evidenceReference: `File ${client.familyName}`,
      });
      const h1 = (
        await expectData(
          t,
          REQUEST_HANDOVER,
          {
            i: {
              caseId: c.id,
              toOrganisationId: a.orgs.jc,
              consentId,
              categories: ['IDENTITY', 'LANGUAGE'],
              message: `${client.givenName} needs help`,
            },
          },
          a.users.kim.token,
        )
      ).requestHandover.id;
      await expectData(t, ACCEPT, { id: h1 }, a.users.jc.token);
      await t.gql(
        `query($id: ID!) { case(id: $id) { identity { familyName } } }`,
        { id: c.id },
        a.users.jc.token,
      );
      const h2 = (
        await expectData(
          t,
          REQUEST_HANDOVER,
          { i: { caseId: c.id, toOrganisationId: a.orgs.aa, consentId, categories: ['IDENTITY'] } },
          a.users.kim.token,
        )
      ).requestHandover.id;
      await expectData(
        t,
        `mutation($id: ID!, $r: String!) { declineHandover(id: $id, reason: $r) { id } }`,
        { id: h2, r: `${client.familyName} is not our client` },
        a.users.aa.token,
      );
      const other = await recordConsent(t, a.users.kim.token, {
        caseId: c.id,
        recipientIds: [a.orgs.jc],
        categories: ['HOUSING'],
      });
      await expectData(
        t,
        `mutation($id: ID!, $n: String) { withdrawConsent(id: $id, note: $n) { id } }`,
        { id: other, n: `${client.givenName} called` },
        a.users.kim.token,
      );

      // Positive control: the scan finds the name where it was typed as free text (and nowhere else).
      expect(await columnsContaining(t.db, client.givenName)).toEqual([
        'consents.purpose',
        'consents.withdrawal_note',
        'handovers.message',
      ]);
      expect(await columnsContaining(t.db, client.familyName)).toEqual([
        'consents.evidence_reference',
        'handovers.decline_reason',
      ]);

      const erased = await t.gql(
        `mutation($id: ID!) { eraseCase(id: $id) { id reference status closedAt visibleCategories identity { familyName } supportAreas } }`,
        { id: c.id },
        a.users.kim.token,
      );
      expect(erased.errors).toBeUndefined();
      expect(erased.data.eraseCase).toMatchObject({
        id: c.id,
        reference: c.reference,
        status: 'ERASED',
        visibleCategories: [],
        identity: null,
        supportAreas: [],
      });
      expect(erased.data.eraseCase.closedAt).toBeTruthy();

      for (const name of [client.givenName, client.familyName, 'Abernathy', 'Wendeline']) {
        expect(await columnsContaining(t.db, name)).toEqual([]);
        expect(await rowsContaining(t.db, name)).toEqual([]);
      }
      expect(
        (await t.db.query(`SELECT count(*)::int AS n FROM case_data WHERE case_id = $1`, [c.id])).rows[0].n,
      ).toBe(0);
      expect(
        (await t.db.query(`SELECT family_name_index FROM cases WHERE id = $1`, [c.id])).rows[0]
          .family_name_index,
      ).toBeNull();

      // The shell and pseudonymous history remain: owner and receiver see the reference, handovers have ended, disclosures are kept.
      const owner = await t.gql(
        `query($id: ID!) { case(id: $id) { reference status openedAt ${'handovers { status accessActive }'} consents { categories status } } disclosures(caseId: $id) { totalCount edges { node { categories organisation { id } } } } }`,
        { id: c.id },
        a.users.kim.token,
      );
      expect(owner.data.case).toMatchObject({
        reference: c.reference,
        status: 'ERASED',
        handovers: [
          { status: 'CANCELLED', accessActive: false },
          { status: 'DECLINED', accessActive: false },
        ],
      });
      expect(owner.data.disclosures.totalCount).toBe(1);
      expect(owner.data.disclosures.edges[0].node).toEqual({
        categories: ['IDENTITY'],
        organisation: { id: a.orgs.jc },
      });
      const receiver = await t.gql(
        `query($id: ID!) { case(id: $id) { ${CASE_FIELDS} } }`,
        { id: c.id },
        a.users.jc.token,
      );
      expect(receiver.data.case).toMatchObject({
        reference: c.reference,
        status: 'ERASED',
        visibleCategories: [],
        identity: null,
      });
      expect(
        codes(
          await t.gql(`mutation($id: ID!) { eraseCase(id: $id) { id } }`, { id: c.id }, a.users.kim.token),
        ),
      ).toEqual(['CONFLICT']);
      expect(
        codes(
          await t.gql(
            `mutation($i: UpdateCaseDataInput!) { updateCaseData(input: $i) { id } }`,
            { i: { caseId: c.id, housing: { situation: 'x' } } },
            a.users.kim.token,
          ),
        ),
      ).toEqual(['CONFLICT']);
      const audit = await t.db.query(
        `SELECT action FROM audit_entries WHERE entity_id = $1 ORDER BY sequence`,
        [c.id],
      );
      expect(audit.rows.map((r: any) => r.action)).toEqual(['openCase', 'eraseCase']);
    });

    it('only the owner erases', async () => {
      const h = await handedOver(t, a, { givenName: 'Q', familyName: 'R' }, ['IDENTITY']);
      expect(
        codes(
          await t.gql(`mutation($id: ID!) { eraseCase(id: $id) { id } }`, { id: h.caseId }, a.users.jc.token),
        ),
      ).toEqual(['FORBIDDEN']);
      expect(
        codes(
          await t.gql(
            `mutation($id: ID!) { eraseCase(id: $id) { id } }`,
            { id: h.caseId },
            a.users.kimCoord.token,
          ),
        ),
      ).toEqual(['NOT_FOUND']);
      expect(
        codes(
          await t.gql(
            `mutation($id: ID!) { eraseCase(id: $id) { id } }`,
            { id: h.caseId },
            await t.adminToken(),
          ),
        ),
      ).toEqual(['NOT_FOUND']);
    });
  });

  describe('audit', () => {
    it("every casework mutation is audited with field names only; the whole audit log never contains the client's name", async () => {
      const client = { givenName: 'Evangeline', familyName: 'Stormcastle' };
      const start = (await t.db.query('SELECT coalesce(max(sequence), 0)::int AS s FROM audit_entries'))
        .rows[0].s;
      const c = await openCase(t, a.users.kim.token, fullCaseInput(client));
      await expectData(
        t,
        `mutation($i: UpdateCaseDataInput!) { updateCaseData(input: $i) { id } }`,
        { i: { caseId: c.id, identity: { ...client, familyName: 'Stormcastle-Vane' }, contact: null } },
        a.users.kim.token,
      );
      const consentId = await recordConsent(t, a.users.kim.token, {
        caseId: c.id,
        recipientIds: [a.orgs.jc],
        categories: ['IDENTITY'],
      });
      const h = (
        await expectData(
          t,
          REQUEST_HANDOVER,
          { i: { caseId: c.id, toOrganisationId: a.orgs.jc, consentId, categories: ['IDENTITY'] } },
          a.users.kim.token,
        )
      ).requestHandover.id;
      await expectData(t, ACCEPT, { id: h }, a.users.jc.token);
      await expectData(
        t,
        `mutation($id: ID!) { completeHandover(id: $id, outcome: "ok") { id } }`,
        { id: h },
        a.users.jc.token,
      );
      await expectData(
        t,
        `mutation($id: ID!) { withdrawConsent(id: $id) { id } }`,
        { id: consentId },
        a.users.kim.token,
      );
      await expectData(
        t,
        `mutation($id: ID!) { closeCase(id: $id) { id } }`,
        { id: c.id },
        a.users.kim.token,
      );
      await expectData(t, `query($id: ID!) { caseExport(id: $id) }`, { id: c.id }, a.users.kim.token);
      await expectData(
        t,
        `mutation($id: ID!) { eraseCase(id: $id) { id } }`,
        { id: c.id },
        a.users.kim.token,
      );
      const entries = (
        await t.db.query(
          `SELECT action, entity_type, changed_fields FROM audit_entries WHERE sequence > $1 ORDER BY sequence`,
          [start],
        )
      ).rows;
      expect(entries.map((e: any) => `${e.action}:${e.entity_type}`)).toEqual([
        'openCase:Case',
        'updateCaseData:Case',
        'recordConsent:Consent',
        'requestHandover:Handover',
        'acceptHandover:Handover',
        'completeHandover:Handover',
        'withdrawConsent:Consent',
        'closeCase:Case',
        'exportCase:Case',
        'eraseCase:Case',
      ]);
      expect(entries[1].changed_fields).toEqual(['contact', 'identity']);
      for (const e of entries)
        for (const f of e.changed_fields) expect(f).toMatch(/^[A-Za-z][A-Za-z0-9_.]*$/);
      const all = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_entries e WHERE e::text ILIKE ANY($1)`,
        [['%Evangeline%', '%Stormcastle%']],
      );
      expect(all.rows[0].n).toBe(0);
      const verify = await t.gql('{ verifyAuditChain { valid } }', {}, await t.adminToken());
      expect(verify.data.verifyAuditChain.valid).toBe(true);
    });
  });

  describe('right of access (Art. 15)', () => {
    it('the owner exports one case as a JSON document with its data, consents, handovers and disclosures; nobody else can', async () => {
      const client = { givenName: 'Cordelia', familyName: 'Ashdown' };
      const h = await handedOver(t, a, client, ['IDENTITY', 'LANGUAGE']);
      await t.gql(
        `query($id: ID!) { case(id: $id) { identity { familyName } language { note } } }`,
        { id: h.caseId },
        a.users.jc.token,
      );
      const res = await t.gql(`query($id: ID!) { caseExport(id: $id) }`, { id: h.caseId }, a.users.kim.token);
      expect(res.errors).toBeUndefined();
      const doc = JSON.parse(res.data.caseExport);
      expect(doc.case).toMatchObject({
        id: h.caseId,
        reference: h.reference,
        status: 'OPEN',
        owner: { id: a.orgs.kim },
      });
      expect(doc.data.identity).toEqual({
        givenName: 'Cordelia',
        familyName: 'Ashdown',
        dateOfBirth: '1990-04-01',
      });
      expect(doc.data.health).toEqual({ note: 'Cordelia Ashdown: asthma' });
      expect(doc.consents).toEqual([
        expect.objectContaining({
          id: h.consentId,
          categories: ['IDENTITY', 'LANGUAGE'],
          status: 'ACTIVE',
          informedInLanguage: 'ar',
          recipients: [{ id: a.orgs.jc, name: expect.any(String) }],
        }),
      ]);
      expect(doc.handovers).toEqual([
        expect.objectContaining({
          id: h.handoverId,
          status: 'ACCEPTED',
          to: { id: a.orgs.jc, name: expect.any(String) },
        }),
      ]);
      expect(doc.disclosures).toEqual([
        expect.objectContaining({
          categories: ['IDENTITY', 'LANGUAGE'],
          organisation: { id: a.orgs.jc, name: expect.any(String) },
          reader: 'User jc',
          handoverId: h.handoverId,
          consentId: h.consentId,
        }),
      ]);
      for (const token of [a.users.jc.token, a.users.kimCoord.token, await t.adminToken()]) {
        const other = await t.gql(`query($id: ID!) { caseExport(id: $id) }`, { id: h.caseId }, token);
        expect(other.data.caseExport).toBeNull();
      }
    });
  });

  describe('retention', () => {
    it('erases closed cases after CASE_RETENTION_DAYS, once across two instances (advisory lock)', async () => {
      const first = await startTestApp({ CASE_RETENTION_DAYS: '1', CASE_RETENTION_SWEEP_SECONDS: '1' });
      const second = await startTestApp({
        DATABASE_URL: first.databaseUrl,
        CASE_RETENTION_DAYS: '1',
        CASE_RETENTION_SWEEP_SECONDS: '1',
      });
      const sweeps = await Promise.all([watchSweeps(first), watchSweeps(second)]);
      try {
        const b = await casework(first);
        const due = await openCase(
          first,
          b.users.kim.token,
          fullCaseInput({ givenName: 'Barnaby', familyName: 'Fenwickshire' }),
        );
        const recent = await openCase(
          first,
          b.users.kim.token,
          fullCaseInput({ givenName: 'C', familyName: 'D' }),
        );
        const open = await openCase(
          first,
          b.users.kim.token,
          fullCaseInput({ givenName: 'E', familyName: 'F' }),
        );
        for (const id of [due.id, recent.id])
          await expectData(
            first,
            `mutation($id: ID!) { closeCase(id: $id) { id } }`,
            { id },
            b.users.kim.token,
          );
        await first.db.query(
          `UPDATE cases SET closed_at = now() - interval '2 days', opened_at = now() - interval '30 days' WHERE id = $1`,
          [due.id],
        );
        await first.db.query(`UPDATE cases SET opened_at = now() - interval '30 days' WHERE id = $1`, [
          open.id,
        ]);

        // Both instances run their scheduled sweeps (every second); the case is erased exactly once.
        const erased = () => sweeps.some((w) => w.finished.some((n) => n !== null && n > 0));
        await Promise.race(sweeps.map((w) => w.until(erased)));
        expect(
          (await first.db.query(`SELECT status FROM cases WHERE id = $1`, [due.id])).rows[0].status,
        ).toBe('ERASED');
        // More sweeps on both instances, at least one of which got the lock: nothing more to do.
        const seen = sweeps.map((w) => w.finished.length);
        await Promise.all(
          sweeps.map((w, i) =>
            w.until(
              () =>
                w.finished.length > seen[i] &&
                sweeps.some((v, j) => v.finished.slice(seen[j]).some((n) => n !== null)),
            ),
          ),
        );
        expect(
          sweeps.flatMap((w, i) => w.finished.slice(seen[i])).filter((n) => n !== null && n > 0),
        ).toEqual([]);
        const statuses = (
          await first.db.query(`SELECT id, status FROM cases WHERE id = ANY($1)`, [
            [due.id, recent.id, open.id],
          ])
        ).rows;
        expect(Object.fromEntries(statuses.map((r: any) => [r.id, r.status]))).toEqual({
          [due.id]: 'ERASED',
          [recent.id]: 'CLOSED',
          [open.id]: 'OPEN',
        });
        const erasures = await first.db.query(
          `SELECT actor_id, action FROM audit_entries WHERE entity_id = $1 AND action LIKE 'erase%'`,
          [due.id],
        );
        expect(erasures.rows).toEqual([{ actor_id: null, action: 'eraseCaseAfterRetention' }]);
        expect(await columnsContaining(first.db, 'Fenwickshire')).toEqual([]);
        expect(
          (await first.db.query(`SELECT count(*)::int AS n FROM case_data WHERE case_id = $1`, [due.id]))
            .rows[0].n,
        ).toBe(0);
      } finally {
        await second.close();
        await first.close();
      }
    });

    it('while one instance holds the sweep lock, the other skips', async () => {
      const { RetentionService, RETENTION_LOCK } = await import('../../libs/casework/src/index.js');
      const other = await startTestApp({ DATABASE_URL: t.databaseUrl, CASE_RETENTION_DAYS: '1' });
      const c = await openCase(t, a.users.kim.token, fullCaseInput({ givenName: 'G', familyName: 'H' }));
      await expectData(
        t,
        `mutation($id: ID!) { closeCase(id: $id) { id } }`,
        { id: c.id },
        a.users.kim.token,
      );
      await t.db.query(`UPDATE cases SET closed_at = now() - interval '3 days' WHERE id = $1`, [c.id]);
      const holder = await t.db.connect();
      try {
        await holder.query('BEGIN');
        await holder.query('SELECT pg_advisory_xact_lock($1)', [RETENTION_LOCK]);
        expect(await other.app.get(RetentionService).sweep()).toBeNull();
        expect((await t.db.query(`SELECT status FROM cases WHERE id = $1`, [c.id])).rows[0].status).toBe(
          'CLOSED',
        );
        await holder.query('COMMIT');
        const results = await Promise.all([
          other.app.get(RetentionService).sweep(),
          other.app.get(RetentionService).sweep(),
        ]);
        expect(results.filter((n) => n !== null).reduce((s, n) => s! + n!, 0)).toBe(1);
        expect((await t.db.query(`SELECT status FROM cases WHERE id = $1`, [c.id])).rows[0].status).toBe(
          'ERASED',
        );
      } finally {
        holder.release();
        await other.close();
      }
    });
  });
});

/**
 * Observes an instance's scheduled retention sweeps (the service's own timer calls `sweep`): each
 * finished sweep's result (cases erased, null when another instance held the lock), and a wait for
 * a condition on them that wakes on every finished sweep instead of sleeping.
 */
async function watchSweeps(app: TestApp) {
  const { RetentionService } = await import('../../libs/casework/src/index.js');
  const service = app.app.get(RetentionService);
  const sweep = service.sweep.bind(service);
  const finished: (number | null)[] = [];
  let waiters: (() => void)[] = [];
  service.sweep = async () => {
    try {
      const erased = await sweep();
      finished.push(erased);
      return erased;
    } finally {
      const woken = waiters;
      waiters = [];
      woken.forEach((w) => w());
    }
  };
  return {
    finished,
    until: (done: () => boolean) =>
      new Promise<void>((resolve) => {
        const check = () => (done() ? resolve() : void waiters.push(check));
        check();
      }),
  };
}
