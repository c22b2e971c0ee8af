import { randomUUID } from 'node:crypto';
import { aMember, type BuiltAlliance, PASSWORD } from '../utils/builders.js';
import { codes, type GqlResult, startTestApp, type TestApp } from '../utils/test-app.js';
import { accessWorld, type AccessWorld, outcome, unique, type Who } from './alliance-access.fixtures.js';

describe('alliance and identity operations: the authorization table (partners, users, memberships)', () => {
  let t: TestApp;
  let a: BuiltAlliance;
  let b: BuiltAlliance;
  let token: AccessWorld['token'];
  let table: AccessWorld['table'];

  beforeAll(async () => {
    t = await startTestApp();
    ({ a, b, token, table } = await accessWorld(t));
  });
  afterAll(() => t.close());

  async function newOrg(kind = 'OTHER'): Promise<string> {
    const res = await t.gql(
      'mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }',
      { i: { name: unique('Neue Organisation'), kind } },
      token.platformAdmin,
    );
    return res.data.createOrganisation.id;
  }

  it('addPartner: ALLIANCE_ADMIN of input.allianceId; non-members NOT_FOUND', async () => {
    await table(
      async (who) =>
        t.gql(
          'mutation($i: AddPartnerInput!) { addPartner(input: $i) { id } }',
          { i: { allianceId: a.allianceId, organisationId: await newOrg(), status: 'PROSPECTIVE' } },
          token[who],
        ),
      {
        platformAdmin: 'ok',
        allianceAdmin: 'ok',
        coordinator: 'FORBIDDEN',
        member: 'FORBIDDEN',
        observer: 'FORBIDDEN',
        outsider: 'NOT_FOUND',
        otherAdmin: 'NOT_FOUND',
        signedOut: 'UNAUTHENTICATED',
      },
    );
    const missing = await t.gql(
      'mutation($i: AddPartnerInput!) { addPartner(input: $i) { id } }',
      { i: { allianceId: randomUUID(), organisationId: await newOrg(), status: 'ACTIVE' } },
      token.platformAdmin,
    );
    expect(codes(missing)).toEqual(['NOT_FOUND']);
  });

  it('addPartner: dates follow the status; duplicates and unknown organisations are BAD_USER_INPUT', async () => {
    const add = async (i: Record<string, unknown>) =>
      t.gql(
        'mutation($i: AddPartnerInput!) { addPartner(input: $i) { status joinedOn leftOn alliance { id } organisation { id } } }',
        { i: { allianceId: a.allianceId, ...i } },
        token.allianceAdmin,
      );
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
    const active = await add({ organisationId: await newOrg(), status: 'ACTIVE' });
    expect(active.data.addPartner).toMatchObject({
      status: 'ACTIVE',
      joinedOn: today,
      leftOn: null,
      alliance: { id: a.allianceId },
    });
    expect(
      (await add({ organisationId: await newOrg(), status: 'PROSPECTIVE' })).data.addPartner,
    ).toMatchObject({ joinedOn: null, leftOn: null });
    expect(
      (await add({ organisationId: await newOrg(), status: 'ACTIVE', joinedOn: '2025-01-15' })).data
        .addPartner.joinedOn,
    ).toBe('2025-01-15');
    expect(
      (await add({ organisationId: await newOrg(), status: 'FORMER', joinedOn: '2024-03-01' })).data
        .addPartner,
    ).toMatchObject({ joinedOn: '2024-03-01', leftOn: today });
    const future = await add({ organisationId: await newOrg(), status: 'FORMER', joinedOn: '2999-01-01' });
    expect(codes(future)).toEqual(['BAD_USER_INPUT']);
    const dup = await add({ organisationId: a.orgs.city, status: 'ACTIVE' });
    expect(codes(dup)).toEqual(['BAD_USER_INPUT']);
    expect(dup.errors![0].extensions!.fields![0].path).toBe('input.organisationId');
    const unknown = await add({ organisationId: randomUUID(), status: 'ACTIVE' });
    expect(codes(unknown)).toEqual(['BAD_USER_INPUT']);
    expect(unknown.errors![0].extensions!.fields![0].path).toBe('input.organisationId');
    const badDate = await add({ organisationId: await newOrg(), status: 'ACTIVE', joinedOn: '2025-02-30' });
    expect(codes(badDate)).toEqual(['BAD_USER_INPUT']);
    expect(badDate.errors![0].extensions!.fields![0].path).toBe('input.joinedOn');
  });

  it("updatePartner: ALLIANCE_ADMIN of the partner's alliance; non-members NOT_FOUND", async () => {
    await table(
      (who) =>
        t.gql(
          'mutation($id: ID!) { updatePartner(id: $id, input: { joinedOn: "2025-06-01" }) { id } }',
          { id: a.partners.vkmo },
          token[who],
        ),
      {
        platformAdmin: 'ok',
        allianceAdmin: 'ok',
        coordinator: 'FORBIDDEN',
        member: 'FORBIDDEN',
        observer: 'FORBIDDEN',
        outsider: 'NOT_FOUND',
        otherAdmin: 'NOT_FOUND',
        signedOut: 'UNAUTHENTICATED',
      },
    );
    for (const id of [randomUUID(), 'nope']) {
      expect(
        codes(
          await t.gql(
            'mutation($id: ID!) { updatePartner(id: $id, input: { status: ACTIVE }) { id } }',
            { id },
            token.platformAdmin,
          ),
        ),
      ).toEqual(['NOT_FOUND']);
    }
    // Indistinguishable: the same error for another alliance's partner and for none at all.
    const invisible = await t.gql(
      'mutation($id: ID!) { updatePartner(id: $id, input: { status: ACTIVE }) { id } }',
      { id: a.partners.city },
      token.outsider,
    );
    const missing = await t.gql(
      'mutation($id: ID!) { updatePartner(id: $id, input: { status: ACTIVE }) { id } }',
      { id: randomUUID() },
      token.outsider,
    );
    expect(invisible.errors).toEqual(missing.errors);
    const invisibleAlliance = await t.gql(
      'mutation($id: ID!) { updateAlliance(id: $id, input: {}) { id } }',
      { id: a.allianceId },
      token.outsider,
    );
    const missingAlliance = await t.gql(
      'mutation($id: ID!) { updateAlliance(id: $id, input: {}) { id } }',
      { id: randomUUID() },
      token.platformAdmin,
    );
    expect(invisibleAlliance.errors).toEqual(missingAlliance.errors);
  });

  it('updatePartner: status changes set the dates; leftOn before joinedOn and a null status are refused', async () => {
    const orgId = await newOrg();
    const p = await t.gql(
      'mutation($i: AddPartnerInput!) { addPartner(input: $i) { id } }',
      { i: { allianceId: a.allianceId, organisationId: orgId, status: 'PROSPECTIVE' } },
      token.allianceAdmin,
    );
    const id = p.data.addPartner.id;
    const upd = (i: Record<string, unknown>) =>
      t.gql(
        'mutation($id: ID!, $i: UpdatePartnerInput!) { updatePartner(id: $id, input: $i) { status joinedOn leftOn } }',
        { id, i },
        token.allianceAdmin,
      );
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
    expect((await upd({ status: 'ACTIVE' })).data.updatePartner).toEqual({
      status: 'ACTIVE',
      joinedOn: today,
      leftOn: null,
    });
    expect((await upd({ joinedOn: '2025-01-01' })).data.updatePartner.joinedOn).toBe('2025-01-01');
    expect((await upd({ status: 'FORMER' })).data.updatePartner).toEqual({
      status: 'FORMER',
      joinedOn: '2025-01-01',
      leftOn: today,
    });
    const before = await upd({ leftOn: '2024-12-31' });
    expect(codes(before)).toEqual(['BAD_USER_INPUT']);
    expect(before.errors![0].extensions!.fields![0].path).toBe('input.leftOn');
    const nullStatus = await upd({ status: null });
    expect(codes(nullStatus)).toEqual(['BAD_USER_INPUT']);
    expect(nullStatus.errors![0].extensions!.fields![0].path).toBe('input.status');
    expect((await upd({ status: 'ACTIVE' })).data.updatePartner).toEqual({
      status: 'ACTIVE',
      joinedOn: '2025-01-01',
      leftOn: null,
    });
    expect((await upd({ joinedOn: null })).data.updatePartner.joinedOn).toBeNull();
    // The audit names the fields that changed, dates set by a status change included.
    const audit = await t.db.query(
      "SELECT changed_fields FROM audit_entries WHERE action = 'updatePartner' AND entity_id = $1 ORDER BY sequence",
      [id],
    );
    expect(audit.rows.map((r) => r.changed_fields)).toEqual([
      ['joinedOn', 'status'],
      ['joinedOn'],
      ['leftOn', 'status'],
      ['leftOn', 'status'],
      ['joinedOn'],
    ]);
  });

  it('createUser: platform administrator; ALLIANCE_ADMIN only for partner organisations of their alliance', async () => {
    const create = (who: Who, organisationId: string) =>
      t.gql(
        'mutation($i: CreateUserInput!) { createUser(input: $i) { id email organisation { id } platformAdmin } }',
        {
          i: {
            email: `${unique('u').replace(/\W/g, '')}@test.local`,
            displayName: 'Neu',
            organisationId,
            password: PASSWORD,
          },
        },
        token[who],
      );
    await table((who) => create(who, a.orgs.jc), {
      platformAdmin: 'ok',
      allianceAdmin: 'ok',
      coordinator: 'FORBIDDEN',
      member: 'FORBIDDEN',
      observer: 'FORBIDDEN',
      outsider: 'FORBIDDEN',
      otherAdmin: 'FORBIDDEN',
      signedOut: 'UNAUTHENTICATED',
    });
    const lonely = await newOrg();
    expect(outcome(await create('allianceAdmin', lonely))).toBe('FORBIDDEN');
    // A former partner's organisation is no longer theirs to staff.
    const former = await newOrg();
    await t.gql(
      'mutation($i: AddPartnerInput!) { addPartner(input: $i) { id } }',
      { i: { allianceId: a.allianceId, organisationId: former, status: 'FORMER' } },
      token.platformAdmin,
    );
    expect(outcome(await create('allianceAdmin', former))).toBe('FORBIDDEN');
    expect(outcome(await create('platformAdmin', lonely))).toBe('ok');
    const created = (await create('allianceAdmin', a.orgs.city)).data.createUser;
    expect(created).toMatchObject({ organisation: { id: a.orgs.city }, platformAdmin: false });
    // The password is stored as an argon2id hash only.
    const row = await t.db.query('SELECT password_hash FROM users WHERE id = $1', [created.id]);
    expect(row.rows[0].password_hash).toMatch(/^\$argon2id\$/);
  });

  it('setMembership: ALLIANCE_ADMIN of input.allianceId; non-members NOT_FOUND; empty roles remove', async () => {
    const target = await aMember(t, a.allianceId, a.orgs.jc, ['OBSERVER']);
    await table(
      (who) =>
        t.gql(
          'mutation($i: SetMembershipInput!) { setMembership(input: $i) { roles } }',
          { i: { allianceId: a.allianceId, userId: target.id, roles: ['MEMBER', 'MEMBER'] } },
          token[who],
        ),
      {
        platformAdmin: 'ok',
        allianceAdmin: 'ok',
        coordinator: 'FORBIDDEN',
        member: 'FORBIDDEN',
        observer: 'FORBIDDEN',
        outsider: 'NOT_FOUND',
        otherAdmin: 'NOT_FOUND',
        signedOut: 'UNAUTHENTICATED',
      },
    );
    const see = async () =>
      (await t.gql('query($id: ID!) { alliance(id: $id) { id } }', { id: a.allianceId }, target.token)).data
        .alliance;
    expect(await see()).toEqual({ id: a.allianceId });
    const roles = await t.gql('{ me { memberships { roles } } }', {}, target.token);
    expect(roles.data.me.memberships).toEqual([{ roles: ['MEMBER'] }]);

    const removed = await t.gql(
      'mutation($i: SetMembershipInput!) { setMembership(input: $i) { id } }',
      { i: { allianceId: a.allianceId, userId: target.id, roles: [] } },
      token.allianceAdmin,
    );
    expect(removed.errors).toBeUndefined();
    expect(removed.data.setMembership).toBeNull();
    expect(await see()).toBeNull();
    const members = await t.gql(
      'query($id: ID!) { alliance(id: $id) { members { user { id } } } }',
      { id: a.allianceId },
      token.allianceAdmin,
    );
    expect(members.data.alliance.members.map((m: any) => m.user.id)).not.toContain(target.id);

    // The user's organisation must be a partner of the alliance.
    const stranger = await t.gql(
      'mutation($i: SetMembershipInput!) { setMembership(input: $i) { id } }',
      { i: { allianceId: a.allianceId, userId: b.users.out.id, roles: ['MEMBER'] } },
      token.allianceAdmin,
    );
    expect(codes(stranger)).toEqual(['BAD_USER_INPUT']);
    expect(stranger.errors![0].extensions!.fields![0].path).toBe('input.userId');
    const noAlliance = await t.gql(
      'mutation($i: SetMembershipInput!) { setMembership(input: $i) { id } }',
      { i: { allianceId: randomUUID(), userId: target.id, roles: ['MEMBER'] } },
      token.platformAdmin,
    );
    expect(codes(noAlliance)).toEqual(['NOT_FOUND']);
  });

  it('concurrent writes of the same thing: one wins, the others answer BAD_USER_INPUT, never INTERNAL', async () => {
    const admin = token.platformAdmin!;
    const outcomes = (results: GqlResult[]) => results.map(outcome).sort();
    const name = unique('Gleichzeitig');
    expect(
      outcomes(
        await Promise.all(
          Array.from({ length: 4 }, () =>
            t.gql(
              'mutation($n: String!) { createOrganisation(input: { name: $n, kind: OTHER }) { id } }',
              { n: name },
              admin,
            ),
          ),
        ),
      ),
    ).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'ok']);
    const email = `${unique('same').replace(/\W/g, '')}@test.local`;
    const users = await Promise.all(
      Array.from({ length: 4 }, () =>
        t.gql(
          'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
          { i: { email, displayName: 'Same', organisationId: a.orgs.city, password: PASSWORD } },
          admin,
        ),
      ),
    );
    expect(outcomes(users)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'ok']);
    const orgId = await newOrg();
    expect(
      outcomes(
        await Promise.all(
          Array.from({ length: 4 }, () =>
            t.gql(
              'mutation($i: AddPartnerInput!) { addPartner(input: $i) { id } }',
              { i: { allianceId: a.allianceId, organisationId: orgId, status: 'ACTIVE' } },
              admin,
            ),
          ),
        ),
      ),
    ).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'ok']);
    // Granting a first membership twice at once: both succeed, one membership remains.
    const userId = users.find((r) => !r.errors)!.data.createUser.id;
    const grants = await Promise.all(
      ['MEMBER', 'OBSERVER', 'MEMBER', 'OBSERVER'].map((role) =>
        t.gql(
          'mutation($i: SetMembershipInput!) { setMembership(input: $i) { id } }',
          { i: { allianceId: a.allianceId, userId, roles: [role] } },
          admin,
        ),
      ),
    );
    expect(outcomes(grants)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(new Set(grants.map((g) => g.data.setMembership.id)).size).toBe(1);
    expect(
      (await t.db.query('SELECT count(*)::int AS n FROM memberships WHERE user_id = $1', [userId])).rows[0].n,
    ).toBe(1);
  });

  it('me: the caller themselves; signed out UNAUTHENTICATED', async () => {
    const res = await t.gql(
      '{ me { id email displayName platformAdmin organisation { id } } }',
      {},
      token.member,
    );
    expect(res.data.me).toMatchObject({
      id: a.users.mem.id,
      email: a.users.mem.email,
      platformAdmin: false,
      organisation: { id: a.orgs.jc },
    });
    expect(codes(await t.gql('{ me { id } }'))).toEqual(['UNAUTHENTICATED']);
  });
});
