import { randomUUID } from 'node:crypto';
import { anAlliance, aMember, type BuiltAlliance, PASSWORD } from '../utils/builders.js';
import { codes, type GqlResult, startTestApp, type TestApp } from '../utils/test-app.js';

type Who =
  | 'platformAdmin'
  | 'allianceAdmin'
  | 'coordinator'
  | 'member'
  | 'observer'
  | 'outsider'
  | 'otherAdmin'
  | 'signedOut';
type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED';

const ALL: Who[] = [
  'platformAdmin',
  'allianceAdmin',
  'coordinator',
  'member',
  'observer',
  'outsider',
  'otherAdmin',
  'signedOut',
];

function outcome(res: GqlResult): Outcome | string {
  if (!res.errors) return 'ok';
  return res.errors.map((e) => e.extensions?.code).join(',');
}

let n = 0;
const unique = (p: string) => `${p} ${Date.now().toString(36)}-${n++}`;

describe('alliance and identity operations: the authorization table', () => {
  let t: TestApp;
  let a: BuiltAlliance;
  let b: BuiltAlliance;
  const token: Partial<Record<Who, string | undefined>> = {};

  beforeAll(async () => {
    t = await startTestApp();
    a = await anAlliance(t, {
      partners: {
        city: {},
        jc: { kind: 'JOBCENTER' },
        vkmo: { kind: 'MIGRANT_ORGANISATION', status: 'PROSPECTIVE' },
      },
      users: {
        aa: { org: 'city', roles: ['ALLIANCE_ADMIN'] },
        coord: { org: 'city', roles: ['COORDINATOR'] },
        mem: { org: 'jc', roles: ['MEMBER'] },
        obs: { org: 'jc', roles: ['OBSERVER'] },
      },
    });
    b = await anAlliance(t, {
      partners: { other: {} },
      users: {
        out: { org: 'other', roles: ['MEMBER'] },
        badmin: { org: 'other', roles: ['ALLIANCE_ADMIN'] },
      },
    });
    Object.assign(token, {
      platformAdmin: await t.adminToken(),
      allianceAdmin: a.users.aa.token,
      coordinator: a.users.coord.token,
      member: a.users.mem.token,
      observer: a.users.obs.token,
      outsider: b.users.out.token,
      otherAdmin: b.users.badmin.token,
      signedOut: undefined,
    });
  });
  afterAll(() => t.close());

  async function table(run: (who: Who) => Promise<GqlResult>, expected: Record<Who, Outcome>) {
    const actual: Record<string, string> = {};
    for (const who of ALL) actual[who] = outcome(await run(who));
    expect(actual).toEqual(expected);
  }

  it('alliance(id): members and the platform administrator see it; anyone else gets null', async () => {
    const actual: Record<string, unknown> = {};
    for (const who of ALL) {
      const res = await t.gql(
        'query($id: ID!) { alliance(id: $id) { id name } }',
        { id: a.allianceId },
        token[who],
      );
      actual[who] = res.errors ? codes(res)[0] : (res.data.alliance?.id ?? null);
    }
    expect(actual).toEqual({
      platformAdmin: a.allianceId,
      allianceAdmin: a.allianceId,
      coordinator: a.allianceId,
      member: a.allianceId,
      observer: a.allianceId,
      outsider: null,
      otherAdmin: null,
      signedOut: 'UNAUTHENTICATED',
    });
    // Missing and malformed ids look exactly like invisible ones.
    for (const id of [randomUUID(), 'not-a-uuid']) {
      const res = await t.gql('query($id: ID!) { alliance(id: $id) { id } }', { id }, token.platformAdmin);
      expect(res.errors).toBeUndefined();
      expect(res.data.alliance).toBeNull();
    }
  });

  it('alliances: each caller lists only the alliances they belong to (the platform administrator all)', async () => {
    const ids = async (who: Who) =>
      ((await t.gql('{ alliances { id } }', {}, token[who])).data.alliances as { id: string }[]).map(
        (x) => x.id,
      );
    expect(await ids('member')).toEqual([a.allianceId]);
    expect(await ids('outsider')).toEqual([b.allianceId]);
    expect(await ids('platformAdmin')).toEqual(expect.arrayContaining([a.allianceId, b.allianceId]));
    expect(codes(await t.gql('{ alliances { id } }'))).toEqual(['UNAUTHENTICATED']);
  });

  it('partners and members are readable by any member, including an observer', async () => {
    const res = await t.gql(
      'query($id: ID!) { alliance(id: $id) { partners { status organisation { id kind } } active: partners(status: ACTIVE) { id } members { roles user { id } alliance { id } } } }',
      { id: a.allianceId },
      token.observer,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.alliance.partners.map((p: any) => p.organisation.id)).toEqual([
      a.orgs.city,
      a.orgs.jc,
      a.orgs.vkmo,
    ]);
    expect(res.data.alliance.active).toHaveLength(2);
    expect(res.data.alliance.members.map((m: any) => m.user.id).sort()).toEqual(
      Object.values(a.users)
        .map((u) => u.id)
        .sort(),
    );
    expect(res.data.alliance.members.every((m: any) => m.alliance.id === a.allianceId)).toBe(true);
  });

  it('User.memberships of another user shows only alliances the caller can see; their own, all', async () => {
    // A user of a partner of both alliances.
    const shared = await anAlliance(t, {
      partners: { both: {} },
      users: { u: { org: 'both', roles: ['MEMBER'] } },
    });
    const admin = token.platformAdmin!;
    await t.gql(
      'mutation($i: AddPartnerInput!) { addPartner(input: $i) { id } }',
      { i: { allianceId: a.allianceId, organisationId: shared.orgs.both, status: 'ACTIVE' } },
      admin,
    );
    await t.gql(
      'mutation($i: SetMembershipInput!) { setMembership(input: $i) { id } }',
      { i: { allianceId: a.allianceId, userId: shared.users.u.id, roles: ['OBSERVER'] } },
      admin,
    );
    const seenBy = async (who: Who) => {
      const res = await t.gql(
        'query($id: ID!) { alliance(id: $id) { members { user { id memberships { alliance { id } roles } } } } }',
        { id: a.allianceId },
        token[who],
      );
      const m = res.data.alliance.members.find((x: any) => x.user.id === shared.users.u.id);
      return m.user.memberships.map((x: any) => x.alliance.id).sort();
    };
    expect(await seenBy('member')).toEqual([a.allianceId]);
    expect(await seenBy('platformAdmin')).toEqual([a.allianceId, shared.allianceId].sort());
    const own = await t.gql('{ me { memberships { alliance { id } roles } } }', {}, shared.users.u.token);
    expect(own.data.me.memberships.map((x: any) => x.alliance.id).sort()).toEqual(
      [a.allianceId, shared.allianceId].sort(),
    );
  });

  it('organisations: a directory for every signed-in user, searchable by name and short name', async () => {
    const admin = token.platformAdmin!;
    const name = unique('Caritasverband Test');
    const created = await t.gql(
      'mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id name shortName kind legalDomains } }',
      {
        i: {
          name,
          shortName: 'CV_X',
          kind: 'WELFARE_ASSOCIATION',
          legalDomains: ['SGB_II', 'SGB_II', 'SGB_XII'],
        },
      },
      admin,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data.createOrganisation).toMatchObject({
      name,
      shortName: 'CV_X',
      kind: 'WELFARE_ASSOCIATION',
      legalDomains: ['SGB_II', 'SGB_XII'],
    });
    const search = async (s: string | null, who: Who = 'outsider') => {
      const res = await t.gql('query($s: String) { organisations(search: $s) { id } }', { s }, token[who]);
      expect(res.errors).toBeUndefined();
      return res.data.organisations.map((o: any) => o.id) as string[];
    };
    expect(await search('caritasverband test')).toContain(created.data.createOrganisation.id);
    expect(await search('cv_x', 'observer')).toEqual([created.data.createOrganisation.id]);
    expect(await search('cv%x')).toEqual([]); // LIKE wildcards are literal
    expect(await search('no organisation is called this')).toEqual([]);
    const all = await search(null);
    expect(all).toEqual(
      expect.arrayContaining([created.data.createOrganisation.id, a.orgs.city, b.orgs.other]),
    );
    expect(codes(await t.gql('{ organisations { id } }'))).toEqual(['UNAUTHENTICATED']);
    const blank = await t.gql(
      'mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }',
      { i: { name: '  ', kind: 'OTHER' } },
      admin,
    );
    expect(codes(blank)).toEqual(['BAD_USER_INPUT']);
    expect(blank.errors![0].extensions!.fields).toEqual([
      { path: 'input.name', message: 'must not be blank' },
    ]);
    // Names are unique case-insensitively.
    const dup = await t.gql(
      'mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }',
      { i: { name: name.toUpperCase(), kind: 'OTHER' } },
      admin,
    );
    expect(codes(dup)).toEqual(['BAD_USER_INPUT']);
    expect(dup.errors![0].extensions!.fields![0].path).toBe('input.name');
  });

  it('createAlliance: platform administrator only', async () => {
    await table(
      (who) =>
        t.gql(
          'mutation($i: CreateAllianceInput!) { createAlliance(input: $i) { id } }',
          { i: { name: unique('B'), municipality: 'Krefeld' } },
          token[who],
        ),
      {
        platformAdmin: 'ok',
        allianceAdmin: 'FORBIDDEN',
        coordinator: 'FORBIDDEN',
        member: 'FORBIDDEN',
        observer: 'FORBIDDEN',
        outsider: 'FORBIDDEN',
        otherAdmin: 'FORBIDDEN',
        signedOut: 'UNAUTHENTICATED',
      },
    );
  });

  it('updateAlliance: ALLIANCE_ADMIN of it (or platform administrator); non-members NOT_FOUND', async () => {
    await table(
      (who) =>
        t.gql(
          'mutation($id: ID!, $i: UpdateAllianceInput!) { updateAlliance(id: $id, input: $i) { id description } }',
          { id: a.allianceId, i: { description: `by ${who}` } },
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
            'mutation($id: ID!) { updateAlliance(id: $id, input: { description: "x" }) { id } }',
            { id },
            token.platformAdmin,
          ),
        ),
      ).toEqual(['NOT_FOUND']);
    }
  });

  it('updateAlliance: absent fields stay, null clears a nullable field, null for a required one and out-of-range values are refused', async () => {
    const upd = (i: Record<string, unknown>) =>
      t.gql(
        'mutation($id: ID!, $i: UpdateAllianceInput!) { updateAlliance(id: $id, input: $i) { name description quorumShare } }',
        { id: a.allianceId, i },
        token.allianceAdmin,
      );
    const before = (await upd({ description: 'Beschreibung' })).data.updateAlliance;
    const q = await upd({ quorumShare: 0.75 });
    expect(q.data.updateAlliance).toEqual({ ...before, quorumShare: 0.75 });
    expect((await upd({ description: null })).data.updateAlliance.description).toBeNull();
    for (const [i, path] of [
      [{ name: null }, 'input.name'],
      [{ quorumShare: 1.5 }, 'input.quorumShare'],
      [{ name: '' }, 'input.name'],
      [{ name: '   ' }, 'input.name'],
    ] as const) {
      const res = await upd(i);
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0].extensions!.fields!.map((f) => f.path)).toEqual([path]);
    }
  });

  it('createOrganisation: platform administrator and any ALLIANCE_ADMIN', async () => {
    await table(
      (who) =>
        t.gql(
          'mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }',
          { i: { name: unique(`Org ${who}`), kind: 'OTHER' } },
          token[who],
        ),
      {
        platformAdmin: 'ok',
        allianceAdmin: 'ok',
        coordinator: 'FORBIDDEN',
        member: 'FORBIDDEN',
        observer: 'FORBIDDEN',
        outsider: 'FORBIDDEN',
        otherAdmin: 'ok',
        signedOut: 'UNAUTHENTICATED',
      },
    );
  });

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
