import type { TestApp, GqlResult } from '../utils/test-app.js';
import { anAlliance, type BuiltAlliance } from '../utils/builders.js';

/** The callers of the authorization table for alliance and identity operations. */
export type Who =
  | 'platformAdmin'
  | 'allianceAdmin'
  | 'coordinator'
  | 'member'
  | 'observer'
  | 'outsider'
  | 'otherAdmin'
  | 'signedOut';
export type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED';

export const ALL: Who[] = [
  'platformAdmin',
  'allianceAdmin',
  'coordinator',
  'member',
  'observer',
  'outsider',
  'otherAdmin',
  'signedOut',
];

export function outcome(res: GqlResult): Outcome | string {
  if (!res.errors) return 'ok';
  return res.errors.map((e) => e.extensions?.code).join(',');
}

let n = 0;
export const unique = (p: string) => `${p} ${Date.now().toString(36)}-${n++}`;

export interface AccessWorld {
  a: BuiltAlliance;
  b: BuiltAlliance;
  token: Record<Who, string | undefined>;
  /** Runs an operation as every caller and compares the outcomes with the table's row. */
  table(run: (who: Who) => Promise<GqlResult>, expected: Record<Who, Outcome>): Promise<void>;
}

/** Alliance a (city, Jobcenter, a prospective VKMO) with one user per role, and alliance b. */
export async function accessWorld(t: TestApp): Promise<AccessWorld> {
  const a = await anAlliance(t, {
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
  const b = await anAlliance(t, {
    partners: { other: {} },
    users: {
      out: { org: 'other', roles: ['MEMBER'] },
      badmin: { org: 'other', roles: ['ALLIANCE_ADMIN'] },
    },
  });
  const token: Record<Who, string | undefined> = {
    platformAdmin: await t.adminToken(),
    allianceAdmin: a.users.aa.token,
    coordinator: a.users.coord.token,
    member: a.users.mem.token,
    observer: a.users.obs.token,
    outsider: b.users.out.token,
    otherAdmin: b.users.badmin.token,
    signedOut: undefined,
  };
  return {
    a,
    b,
    token,
    async table(run, expected) {
      const actual: Record<string, string> = {};
      for (const who of ALL) actual[who] = outcome(await run(who));
      expect(actual).toEqual(expected);
    },
  };
}
