import type { TestApp } from '../utils/test-app.js';
import type { BuiltAlliance } from '../utils/builders.js';
import { expectData, fullCaseInput, openCase, withCaseworkApp } from './helpers.js';

const CHECK = `query($f: String!, $d: Date!) { possibleDuplicateCases(familyName: $f, dateOfBirth: $d) { id reference owner { id } } }`;
const OF_CASE = `query($id: ID!) { case(id: $id) { possibleDuplicates { id reference } } }`;

describe('casework: the duplicate check', () => {
  let t: TestApp;
  let a: BuiltAlliance;
  withCaseworkApp((app, alliance) => {
    t = app;
    a = alliance;
  });

  const person = (familyName: string, dateOfBirth = '1985-02-03') =>
    fullCaseInput(
      { givenName: 'Aylin', familyName },
      {
        identity: { givenName: 'Aylin', familyName, dateOfBirth },
      },
    );

  it("warns of the organisation's open case with the same family name and date of birth, matched by a keyed blind index", async () => {
    const first = await openCase(t, a.users.kim.token, person('Yılmaz-Öztürk'));
    // Another case worker of the same organisation, spelled differently (case, accents, hyphen).
    const check = await expectData(t, CHECK, { f: 'YILMAZ OZTURK', d: '1985-02-03' }, a.users.kim2.token);
    expect(check.possibleDuplicateCases).toEqual([
      { id: first.id, reference: first.reference, owner: { id: a.orgs.kim } },
    ]);
    // Another date of birth or another name is no duplicate.
    expect(
      (await expectData(t, CHECK, { f: 'Yılmaz-Öztürk', d: '1985-02-04' }, a.users.kim.token))
        .possibleDuplicateCases,
    ).toEqual([]);
    expect(
      (await expectData(t, CHECK, { f: 'Yilmaz', d: '1985-02-03' }, a.users.kim.token))
        .possibleDuplicateCases,
    ).toEqual([]);
    // Opened anyway: each case links to the other.
    const second = await openCase(t, a.users.kim2.token, person('yilmaz öztürk'));
    expect(
      (await expectData(t, OF_CASE, { id: second.id }, a.users.kim2.token)).case.possibleDuplicates,
    ).toEqual([{ id: first.id, reference: first.reference }]);
    expect(
      (await expectData(t, OF_CASE, { id: first.id }, a.users.kim.token)).case.possibleDuplicates,
    ).toEqual([{ id: second.id, reference: second.reference }]);
    // The index is an HMAC, not the name or the date in plain text.
    const stored = await t.db.query('SELECT duplicate_index FROM cases WHERE id = $1', [first.id]);
    expect(stored.rows[0].duplicate_index).toMatch(/^[0-9a-f]{64}$/);
    // A closed case is no longer an open duplicate; reopened it is again.
    await expectData(
      t,
      `mutation($id: ID!) { closeCase(id: $id, reason: GOAL_REACHED) { id } }`,
      { id: first.id },
      a.users.kim.token,
    );
    expect(
      (await expectData(t, OF_CASE, { id: second.id }, a.users.kim2.token)).case.possibleDuplicates,
    ).toEqual([]);
    await expectData(
      t,
      `mutation($id: ID!) { reopenCase(id: $id) { id } }`,
      { id: first.id },
      a.users.kim.token,
    );
    expect(
      (await expectData(t, OF_CASE, { id: second.id }, a.users.kim2.token)).case.possibleDuplicates,
    ).toHaveLength(1);
  });

  it("never reveals another organisation's cases: neither to the check nor on a case it received", async () => {
    const kims = await openCase(t, a.users.kim.token, person('Isolde', '1970-07-07'));
    // The Jobcenter checks the same person: nothing of kim's is found.
    expect(
      (await expectData(t, CHECK, { f: 'Isolde', d: '1970-07-07' }, a.users.jc.token)).possibleDuplicateCases,
    ).toEqual([]);
    const jcs = await openCase(t, a.users.jc.token, person('Isolde', '1970-07-07'));
    expect((await expectData(t, OF_CASE, { id: jcs.id }, a.users.jc.token)).case.possibleDuplicates).toEqual(
      [],
    );
    expect(
      (await expectData(t, OF_CASE, { id: kims.id }, a.users.kim.token)).case.possibleDuplicates,
    ).toEqual([]);
    // A non-case-worker learns nothing either.
    expect(
      (await expectData(t, CHECK, { f: 'Isolde', d: '1970-07-07' }, a.users.kimCoord.token))
        .possibleDuplicateCases,
    ).toEqual([]);
  });

  it('editing the identity moves the index; erasing the case removes it', async () => {
    const c = await openCase(t, a.users.kim.token, person('Vorher', '2000-01-01'));
    await expectData(
      t,
      `mutation($i: UpdateCaseDataInput!) { updateCaseData(input: $i) { id } }`,
      {
        i: {
          caseId: c.id,
          identity: { givenName: 'Aylin', familyName: 'Nachher', dateOfBirth: '2000-01-01' },
        },
      },
      a.users.kim.token,
    );
    expect(
      (await expectData(t, CHECK, { f: 'Vorher', d: '2000-01-01' }, a.users.kim.token))
        .possibleDuplicateCases,
    ).toEqual([]);
    expect(
      (await expectData(t, CHECK, { f: 'Nachher', d: '2000-01-01' }, a.users.kim.token))
        .possibleDuplicateCases,
    ).toHaveLength(1);
    await expectData(t, `mutation($id: ID!) { eraseCase(id: $id) { id } }`, { id: c.id }, a.users.kim.token);
    expect(
      (await t.db.query('SELECT duplicate_index FROM cases WHERE id = $1', [c.id])).rows[0].duplicate_index,
    ).toBeNull();
  });
});
