import request from 'supertest';
import type { TestApp } from '../utils/test-app.js';
import type { BuiltAlliance } from '../utils/builders.js';
import {
  expectData,
  fullCaseInput,
  handedOver,
  openCase,
  recordConsent,
  withCaseworkApp,
} from './helpers.js';
import { columnsContaining, rowsContaining } from './scan.js';

/** A minimal PDF whose text names the client: what a scan of the signed sheet holds. */
function scanPdf(text: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
}
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  Buffer.from('IHDR', 'latin1'),
  Buffer.alloc(40, 7),
]);
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]),
  Buffer.from('JFIF\0'),
  Buffer.alloc(40, 3),
]);

const EVIDENCE = `query($id: ID!) { case(id: $id) { consents { id evidence { mediaType byteSize uploadedAt uploadedBy { id } } } } }`;

describe('casework: the signed consent sheet as evidence', () => {
  let t: TestApp;
  let a: BuiltAlliance;
  withCaseworkApp((app, alliance) => {
    t = app;
    a = alliance;
  });

  const path = (caseId: string, consentId: string) => `/cases/${caseId}/consents/${consentId}/evidence`;
  const upload = (
    caseId: string,
    consentId: string,
    token: string,
    file: Buffer | null,
    name = 'scan.pdf',
    type = 'application/pdf',
    field = 'file',
  ) => {
    const req = request(t.http).post(path(caseId, consentId)).set('authorization', `Bearer ${token}`);
    return file
      ? req.attach(field, file, { filename: name, contentType: type })
      : req.field('note', 'no file');
  };
  const download = (caseId: string, consentId: string, token?: string) =>
    t.get(path(caseId, consentId), token ? { authorization: `Bearer ${token}` } : {});
  const evidenceRows = async (consentId: string) =>
    (await t.db.query('SELECT count(*)::int AS n FROM consent_evidence WHERE consent_id = $1', [consentId]))
      .rows[0].n;

  it('the owner uploads the scan: type by content, stored encrypted, linked to the consent, read back only by the owner', async () => {
    const client = { givenName: 'Leontyne', familyName: 'Quarshie-Baptiste' };
    const h = await handedOver(t, a, client, ['IDENTITY']);
    const file = scanPdf(`Einwilligung ${client.givenName} ${client.familyName} unterschrieben`);
    const res = await upload(h.caseId, h.consentId, a.users.kim.token, file, 'IMG_0042.jpg', 'image/jpeg');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      consentId: h.consentId,
      mediaType: 'application/pdf',
      byteSize: file.length,
    });

    // At rest: ciphertext only; neither the name nor the file's text is anywhere in the database.
    for (const needle of [client.familyName, 'unterschrieben', 'Type /Catalog']) {
      expect(await columnsContaining(t.db, needle)).toEqual([]);
      expect(await rowsContaining(t.db, needle)).toEqual([]);
    }
    const stored = await t.db.query(
      'SELECT media_type, byte_size, key_id, octet_length(ciphertext) AS n FROM consent_evidence WHERE consent_id = $1',
      [h.consentId],
    );
    expect(stored.rows[0]).toMatchObject({
      media_type: 'application/pdf',
      byte_size: file.length,
      n: file.length + 16,
    });

    const owner = await expectData(t, EVIDENCE, { id: h.caseId }, a.users.kim.token);
    expect(owner.case.consents[0].evidence).toEqual({
      mediaType: 'application/pdf',
      byteSize: file.length,
      uploadedAt: expect.any(String),
      uploadedBy: { id: a.users.kim.id },
    });
    const got = await download(h.caseId, h.consentId, a.users.kim.token);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toBe(`attachment; filename="einwilligung-${h.reference}.pdf"`);
    expect(got.raw.equals(file)).toBe(true);

    // The receiving organisation sees the consent but not its evidence; nobody else gets anything.
    const receiver = await expectData(t, EVIDENCE, { id: h.caseId }, a.users.jc.token);
    expect(receiver.case.consents[0].evidence).toBeNull();
    for (const token of [a.users.jc.token, a.users.kimCoord.token, a.users.aa.token, await t.adminToken()])
      expect((await download(h.caseId, h.consentId, token)).status).toBe(404);
    expect((await download(h.caseId, h.consentId)).status).toBe(401);
    const foreign = await upload(h.caseId, h.consentId, a.users.jc.token, PNG, 'x.png', 'image/png');
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('FORBIDDEN');
    expect((await upload(h.caseId, h.consentId, a.users.aa.token, PNG, 'x.png', 'image/png')).status).toBe(
      404,
    );

    // A new scan replaces the old one (PNG sent as "application/pdf": the content decides).
    const replaced = await upload(
      h.caseId,
      h.consentId,
      a.users.kim.token,
      PNG,
      'scan.pdf',
      'application/pdf',
    );
    expect(replaced.body).toMatchObject({ mediaType: 'image/png', byteSize: PNG.length });
    expect((await download(h.caseId, h.consentId, a.users.kim.token)).raw.equals(PNG)).toBe(true);
    expect(
      (await upload(h.caseId, h.consentId, a.users.kim.token, JPEG, 'a.bin', 'application/octet-stream')).body
        .mediaType,
    ).toBe('image/jpeg');
    const audit = await t.db.query(
      `SELECT action, changed_fields::text AS f FROM audit_entries WHERE entity_id = $1 ORDER BY sequence`,
      [h.consentId],
    );
    expect(audit.rows.map((r: any) => r.action)).toEqual([
      'recordConsent',
      'uploadConsentEvidence',
      'readConsentEvidence',
      'replaceConsentEvidence',
      'readConsentEvidence',
      'replaceConsentEvidence',
    ]);
  });

  it('refuses what is not a scan, too large, missing or sent twice, with a code and the field; nothing is written', async () => {
    const c = await openCase(t, a.users.kim.token, fullCaseInput({ givenName: 'R', familyName: 'S' }));
    const k = await recordConsent(t, a.users.kim.token, {
      caseId: c.id,
      recipientIds: [a.orgs.jc],
      categories: ['IDENTITY'],
    });
    const before = (await t.db.query('SELECT count(*)::int AS n FROM audit_entries')).rows[0].n;
    const tooLarge = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024 - 8)]);
    const twice = request(t.http)
      .post(path(c.id, k))
      .set('authorization', `Bearer ${a.users.kim.token}`)
      .attach('file', PNG, 'a.png')
      .attach('file', PNG, 'b.png');
    for (const [res, message] of [
      [
        await upload(c.id, k, a.users.kim.token, Buffer.from('Hallo, das ist kein Scan'), 'scan.pdf'),
        /PDF, JPEG or PNG/,
      ],
      [
        await upload(
          c.id,
          k,
          a.users.kim.token,
          Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'),
          'scan.png',
          'image/png',
        ),
        /PDF, JPEG or PNG/,
      ],
      [await upload(c.id, k, a.users.kim.token, tooLarge), /at most 10 MB/],
      [await upload(c.id, k, a.users.kim.token, null), /is required/],
      [await upload(c.id, k, a.users.kim.token, PNG, 'a.png', 'image/png', 'scan'), /form field "file"/],
      [await twice, /exactly one file/],
    ] as const) {
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'file', message: expect.stringMatching(message) }],
      });
    }
    expect(await evidenceRows(k)).toBe(0);
    expect((await t.db.query('SELECT count(*)::int AS n FROM audit_entries')).rows[0].n).toBe(before);
    // Exactly 10 MB is accepted.
    const limit = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024 - 9)]);
    expect((await upload(c.id, k, a.users.kim.token, limit)).status).toBe(201);
    // A consent of another case, and ids that are no ids: not found.
    const other = await openCase(t, a.users.kim.token, {
      supportAreas: ['OTHER'],
      identity: { givenName: 'O', familyName: 'P' },
    });
    expect((await upload(other.id, k, a.users.kim.token, PNG, 'a.png', 'image/png')).status).toBe(404);
    expect((await upload('nope', k, a.users.kim.token, PNG, 'a.png', 'image/png')).status).toBe(404);
  });

  it('goes with the case: eraseCase deletes the file; the scan finds neither it nor the names; Art. 15 lists it before', async () => {
    const client = { givenName: 'Oktawiana', familyName: 'Fairweather-Lund' };
    const c = await openCase(t, a.users.kim.token, fullCaseInput(client));
    const k = await recordConsent(t, a.users.kim.token, {
      caseId: c.id,
      recipientIds: [a.orgs.jc],
      categories: ['LANGUAGE'],
    });
    const file = scanPdf(`${client.givenName} ${client.familyName}`);
    expect((await upload(c.id, k, a.users.kim.token, file)).status).toBe(201);

    const exported = JSON.parse(
      (await expectData(t, `query($id: ID!) { caseExport(id: $id) }`, { id: c.id }, a.users.kim.token))
        .caseExport,
    );
    expect(exported.consents[0].evidence).toEqual({
      mediaType: 'application/pdf',
      byteSize: file.length,
      uploadedAt: expect.any(String),
      download: `/cases/${c.id}/consents/${k}/evidence`,
    });

    // Positive control: the scan finds the stored ciphertext before the erasure.
    const sealed = (
      await t.db.query('SELECT encode(ciphertext, $2) AS hex FROM consent_evidence WHERE consent_id = $1', [
        k,
        'hex',
      ])
    ).rows[0].hex as string;
    const slice = sealed.slice(20, 60);
    expect(await rowsContaining(t.db, slice)).toEqual(['consent_evidence']);

    await expectData(t, `mutation($id: ID!) { eraseCase(id: $id) { id } }`, { id: c.id }, a.users.kim.token);
    expect(await evidenceRows(k)).toBe(0);
    expect(await rowsContaining(t.db, slice)).toEqual([]);
    for (const name of [client.givenName, client.familyName]) {
      expect(await columnsContaining(t.db, name)).toEqual([]);
      expect(await rowsContaining(t.db, name)).toEqual([]);
    }
    expect((await download(c.id, k, a.users.kim.token)).status).toBe(404);
    const after = await upload(c.id, k, a.users.kim.token, PNG, 'a.png', 'image/png');
    expect(after.status).toBe(409);
    expect(after.body.code).toBe('CONFLICT');
  });
});
