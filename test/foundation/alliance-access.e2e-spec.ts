import { randomUUID } from 'node:crypto';
import { anAlliance, type BuiltAlliance } from '../utils/builders.js';
import { codes, startTestApp, type TestApp } from '../utils/test-app.js';
import { accessWorld, type AccessWorld, ALL, unique, type Who } from './alliance-access.fixtures.js';

describe('alliance and identity operations: the authorization table (reading; alliances and organisations)', () => {
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
      { path: 'input.name', message: 'must not be blank', rule: 'REQUIRED' },
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
});
