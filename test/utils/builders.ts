import { randomBytes } from 'node:crypto';
import type { TestApp } from './test-app.js';

export const PASSWORD = 'test-password-1234';

export interface PartnerSpec {
  kind?: string;
  status?: 'PROSPECTIVE' | 'ACTIVE' | 'FORMER';
  shortName?: string;
}

export interface UserSpec {
  /** Key of the partner (organisation) the user belongs to. */
  org: string;
  roles: string[];
}

export interface BuiltAlliance {
  allianceId: string;
  /** organisation id by key */
  orgs: Record<string, string>;
  /** partner id by key */
  partners: Record<string, string>;
  /** user by key, signed in */
  users: Record<string, { id: string; email: string; token: string }>;
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}`;

async function ok<T = any>(
  t: TestApp,
  query: string,
  variables: Record<string, unknown>,
  token: string,
): Promise<T> {
  const res = await t.gql<T>(query, variables, token);
  if (res.errors) throw new Error(`${query.slice(0, 60)}… failed: ${JSON.stringify(res.errors)}`);
  return res.data;
}

/**
 * An alliance with partners and signed-in users, built through the public API as the platform
 * administrator: `anAlliance(t, { partners: { jc: { kind: 'JOBCENTER' } }, users: { cw: { org: 'jc', roles: ['CASE_WORKER'] } } })`.
 */
export async function anAlliance(
  t: TestApp,
  spec: { name?: string; partners?: Record<string, PartnerSpec>; users?: Record<string, UserSpec> } = {},
): Promise<BuiltAlliance> {
  const admin = await t.adminToken();
  const id = unique();
  const { createAlliance } = await ok(
    t,
    'mutation($i: CreateAllianceInput!) { createAlliance(input: $i) { id } }',
    { i: { name: spec.name ?? `Bündnis ${id}`, municipality: 'Teststadt' } },
    admin,
  );
  const built: BuiltAlliance = { allianceId: createAlliance.id, orgs: {}, partners: {}, users: {} };
  for (const [key, p] of Object.entries(spec.partners ?? {})) {
    const { createOrganisation } = await ok(
      t,
      'mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }',
      {
        i: {
          name: `Org ${key} ${id}`,
          shortName: p.shortName ?? key.toUpperCase().slice(0, 10),
          kind: p.kind ?? 'CITY_DEPARTMENT',
        },
      },
      admin,
    );
    built.orgs[key] = createOrganisation.id;
    const { addPartner } = await ok(
      t,
      'mutation($i: AddPartnerInput!) { addPartner(input: $i) { id } }',
      {
        i: {
          allianceId: built.allianceId,
          organisationId: createOrganisation.id,
          status: p.status ?? 'ACTIVE',
        },
      },
      admin,
    );
    built.partners[key] = addPartner.id;
  }
  for (const [key, u] of Object.entries(spec.users ?? {})) {
    const email = `${key}-${id}@test.local`;
    const { createUser } = await ok(
      t,
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      { i: { email, displayName: `User ${key}`, organisationId: built.orgs[u.org], password: PASSWORD } },
      admin,
    );
    if (u.roles.length) {
      await ok(
        t,
        'mutation($i: SetMembershipInput!) { setMembership(input: $i) { id } }',
        { i: { allianceId: built.allianceId, userId: createUser.id, roles: u.roles } },
        admin,
      );
    }
    built.users[key] = { id: createUser.id, email, token: await t.login(email, PASSWORD) };
  }
  return built;
}

/** Adds a member to an existing alliance (organisation must be a partner) and signs them in. */
export async function aMember(t: TestApp, allianceId: string, organisationId: string, roles: string[]) {
  const admin = await t.adminToken();
  const email = `member-${unique()}@test.local`;
  const { createUser } = await ok(
    t,
    'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
    { i: { email, displayName: 'Member', organisationId, password: PASSWORD } },
    admin,
  );
  await ok(
    t,
    'mutation($i: SetMembershipInput!) { setMembership(input: $i) { id } }',
    { i: { allianceId, userId: createUser.id, roles } },
    admin,
  );
  return { id: createUser.id, email, token: await t.login(email, PASSWORD) };
}

export { ok as expectData };
