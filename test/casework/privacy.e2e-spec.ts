import { codes, startTestApp, type TestApp } from '../utils/test-app.js';
import type { BuiltAlliance } from '../utils/builders.js';
import {
  ACCEPT,
  expectData,
  fullCaseInput,
  handedOver,
  openCase,
  recordConsent,
  REQUEST_HANDOVER,
  withCaseworkApp,
} from './helpers.js';
import { columnsContaining, pgDump, rowsContaining } from './scan.js';

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
});
