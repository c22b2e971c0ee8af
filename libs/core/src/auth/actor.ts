import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { DomainError } from '../errors/domain-error.js';
import { GqlExecutionContext } from '@nestjs/graphql';
import { registerEnumType } from '@nestjs/graphql';
import { type FindOperator, In } from 'typeorm';

export enum Role {
  ALLIANCE_ADMIN = 'ALLIANCE_ADMIN',
  COORDINATOR = 'COORDINATOR',
  FACILITATOR = 'FACILITATOR',
  CASE_WORKER = 'CASE_WORKER',
  MEMBER = 'MEMBER',
  OBSERVER = 'OBSERVER',
}
registerEnumType(Role, {
  name: 'Role',
  valuesMap: {
    ALLIANCE_ADMIN: { description: 'Runs the alliance: partners, memberships, settings.' },
    COORDINATOR: { description: 'Coordination office: goals, tasks of all partners, meeting planning.' },
    FACILITATOR: { description: 'Chairs meetings: agenda, attendance, decisions, minutes.' },
    CASE_WORKER: { description: "Works on individual clients' cases of their own organisation." },
    MEMBER: { description: 'Sees the alliance and works on tasks of their own organisation.' },
    OBSERVER: { description: "Reads the alliance's shared coordination data only." },
  },
});

/** The signed-in caller, loaded once per request by the identity guard. */
export interface Actor {
  userId: string;
  organisationId: string;
  platformAdmin: boolean;
  /** allianceId → roles held there. */
  roles: ReadonlyMap<string, readonly Role[]>;
  /** The session (family) of the access token, when the actor came from one. */
  sessionId?: string;
  /** Signed in, but must set up the second factor before anything else. */
  secondFactorPending?: boolean;
}

/** Whether the actor can see the alliance at all (members; the platform administrator everywhere). */
export function isMember(actor: Actor, allianceId: string): boolean {
  return actor.platformAdmin || (actor.roles.get(allianceId)?.length ?? 0) > 0;
}

/** Whether the actor holds one of the roles; the platform administrator acts as ALLIANCE_ADMIN. */
export function hasRole(actor: Actor, allianceId: string, ...roles: Role[]): boolean {
  if (actor.platformAdmin && roles.includes(Role.ALLIANCE_ADMIN)) return true;
  const held = actor.roles.get(allianceId);
  return !!held && held.some((r) => roles.includes(r));
}

/** Alliances the actor is a member of (for the platform administrator: undefined = all). */
export function memberAllianceIds(actor: Actor): string[] {
  return [...actor.roles.entries()].filter(([, r]) => r.length > 0).map(([id]) => id);
}

export const ALLOW_KEY = 'buendnisportal:allow';

export type AccessRule =
  | { kind: 'public'; rule: string }
  | { kind: 'signedIn'; rule: string }
  | { kind: 'platformAdmin'; rule: string };

/**
 * Every operation declares who may call it; the global guard refuses any that does not.
 * `signedIn` operations check their object-level rule (written in `rule`) in the service.
 */
export const Allow = {
  public: (rule: string) => SetMetadata(ALLOW_KEY, { kind: 'public', rule } satisfies AccessRule),
  signedIn: (rule: string) => SetMetadata(ALLOW_KEY, { kind: 'signedIn', rule } satisfies AccessRule),
  platformAdmin: (rule = 'platform administrator') =>
    SetMetadata(ALLOW_KEY, { kind: 'platformAdmin', rule } satisfies AccessRule),
};

export function requestFrom(context: ExecutionContext): any {
  if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext().req;
  return context.switchToHttp().getRequest();
}

/** The signed-in caller of a GraphQL operation or HTTP route. */
export const CurrentActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): Actor => requestFrom(context).user,
);

/**
 * Object-level check for alliance-scoped writes: a non-member gets NOT_FOUND (the alliance is
 * invisible to them), a member without one of the roles FORBIDDEN.
 */
export function assertRole(actor: Actor, allianceId: string, roles: Role[], what = 'Alliance'): void {
  if (!isMember(actor, allianceId)) throw DomainError.notFound(what);
  if (!hasRole(actor, allianceId, ...roles))
    throw DomainError.forbidden(`Requires one of the roles ${roles.join(', ')}`);
}

/**
 * The alliances whose rows the actor may see, for the WHERE of a single-object lookup or lock (the
 * tenant key in the query, not compared afterwards); null: every alliance (platform administrator).
 */
export function allianceScope(actor: Actor): string[] | null {
  return actor.platformAdmin ? null : memberAllianceIds(actor);
}

/** `allianceScope` as a TypeORM where fragment; null when the actor sees no alliance at all. */
export function allianceWhere(actor: Actor): { allianceId?: FindOperator<string> } | null {
  const scope = allianceScope(actor);
  if (scope === null) return {};
  return scope.length ? { allianceId: In(scope) } : null;
}
