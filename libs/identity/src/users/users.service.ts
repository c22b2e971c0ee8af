import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, LoaderRegistry, byKey, groupBy, type Role } from '../../../core/src/index.js';
import { hashPassword } from '../auth/password.js';
import { MIN_PASSWORD_LENGTH } from '../account/password-policy.js';
import type { MembershipEntity } from './membership.entity.js';
import type { UserEntity } from './user.entity.js';
import { UserRepository } from './user.repository.js';

export interface NewUser {
  email: string;
  displayName: string;
  organisationId: string;
  /** null: an invited account, without a password until the invitation is accepted. */
  password: string | null;
  platformAdmin?: boolean;
  language?: 'de' | 'en';
}

@Injectable()
export class UsersService {
  constructor(private readonly repo: UserRepository) {}

  /** Creates a user inside the caller's transaction; a taken e-mail is BAD_USER_INPUT on `input.email`. */
  async create(em: EntityManager, input: NewUser): Promise<UserEntity> {
    if (input.password !== null && input.password.length < MIN_PASSWORD_LENGTH) {
      throw DomainError.field('input.password', `must be at least ${MIN_PASSWORD_LENGTH} characters long`);
    }
    const email = input.email.trim();
    if (await this.repo.emailTaken(em, email)) throw DomainError.field('input.email', 'is already in use');
    const fields = {
      email,
      displayName: input.displayName.trim(),
      organisationId: input.organisationId,
      platformAdmin: input.platformAdmin ?? false,
      passwordHash: input.password === null ? null : await hashPassword(input.password),
      language: input.language ?? 'de',
    };
    try {
      return await this.repo.insert(em, fields);
    } catch (e: any) {
      if (e?.code === '23505') throw DomainError.field('input.email', 'is already in use');
      throw e;
    }
  }

  findByEmailWithHash(email: string): Promise<UserEntity | null> {
    return this.repo.findByEmailWithHash(email.trim());
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.repo.findById(id);
  }

  /** For other contexts: the organisation of each of these users who is a member of the alliance. */
  organisationsOfMembers(
    em: EntityManager,
    allianceId: string,
    userIds: string[],
  ): Promise<Map<string, string>> {
    return userIds.length
      ? this.repo.organisationsOfMembers(em, allianceId, userIds)
      : Promise.resolve(new Map());
  }

  userLoader(loaders: LoaderRegistry) {
    return loaders.get<string, UserEntity | null>('user.byId', async (ids) =>
      byKey(ids, await this.repo.byIds(ids), (u) => u.id),
    );
  }

  membershipsOfUserLoader(loaders: LoaderRegistry) {
    return loaders.get<string, MembershipEntity[]>('memberships.byUser', async (ids) =>
      groupBy(ids, await this.repo.membershipsOfUsers(ids), (m) => m.userId),
    );
  }

  membershipsOfAllianceLoader(loaders: LoaderRegistry) {
    return loaders.get<string, MembershipEntity[]>('memberships.byAlliance', async (ids) =>
      groupBy(ids, await this.repo.membershipsOfAlliances(ids), (m) => m.allianceId),
    );
  }

  // ── for other contexts (they ask identity instead of reading its tables) ──

  /** The user's roles in the alliance (empty when not a member), inside the caller's transaction. */
  rolesIn(em: EntityManager, allianceId: string, userId: string): Promise<Role[]> {
    return this.repo.rolesIn(em, allianceId, userId);
  }

  /** Those of `userIds` who belong to the organisation and are members of the alliance. */
  membersFromOrganisation(
    em: EntityManager,
    allianceId: string,
    organisationId: string,
    userIds: string[],
  ): Promise<string[]> {
    return this.repo.membersFromOrganisation(em, allianceId, organisationId, userIds);
  }

  /** Active members of the alliance from these organisations (with one of `roles`, when given). */
  activeMembersOfOrganisations(
    em: EntityManager,
    allianceId: string,
    organisationIds: string[],
    roles: Role[] | null = null,
  ): Promise<string[]> {
    return organisationIds.length
      ? this.repo.activeMembersOfOrganisations(em, allianceId, organisationIds, roles)
      : Promise.resolve([]);
  }

  /** organisationId → the active members of the alliance from it (every given organisation is a key). */
  async activeMembersByOrganisation(
    em: EntityManager,
    allianceId: string,
    organisationIds: string[],
  ): Promise<Map<string, string[]>> {
    const result = new Map(organisationIds.map((id): [string, string[]] => [id, []]));
    if (!organisationIds.length) return result;
    for (const r of await this.repo.activeMembersByOrganisation(em, allianceId, organisationIds))
      result.get(r.organisationId)?.push(r.id);
    return result;
  }

  /** Active users of the organisation holding `role` in any alliance (case workers: CASE_WORKER). */
  activeWithRoleInOrganisation(em: EntityManager, organisationId: string, role: Role): Promise<string[]> {
    return this.repo.activeWithRoleInOrganisation(em, organisationId, role);
  }

  /** Address, name and language of the active users among `ids` (for notifications). */
  contactsOf(em: EntityManager, ids: string[]) {
    return ids.length ? this.repo.contactsOf(em, ids) : Promise.resolve([]);
  }

  /** The alliances the user is a member of. */
  allianceIdsOf(userId: string): Promise<string[]> {
    return this.repo.allianceIdsOf(userId);
  }

  /** The user, read inside the caller's transaction. */
  find(em: EntityManager, id: string): Promise<UserEntity | null> {
    return this.repo.find(em, id);
  }

  /** These users (those that exist), inside the caller's transaction. */
  findMany(em: EntityManager, ids: string[]): Promise<UserEntity[]> {
    return ids.length ? this.repo.findMany(em, [...new Set(ids)]) : Promise.resolve([]);
  }

  /** Whether an account has this e-mail address (case-insensitive), inside the caller's transaction. */
  emailTaken(em: EntityManager, email: string): Promise<boolean> {
    return this.repo.emailTaken(em, email.trim());
  }

  /** The account of an e-mail address (case-insensitive), inside the caller's transaction. */
  findByEmail(em: EntityManager, email: string): Promise<UserEntity | null> {
    return this.repo.findByEmail(em, email);
  }

  lockAdminCreation(em: EntityManager): Promise<void> {
    return this.repo.lockAdminCreation(em);
  }

  // Invited accounts: alliance's InvitationService decides when; identity writes the rows.

  /** Sets the password of an invited account that accepts its invitation (hash computed by the caller). */
  setPassword(em: EntityManager, userId: string, passwordHash: string): Promise<void> {
    return this.repo.setPassword(em, userId, passwordHash);
  }

  /** Switches an invited account off when its invitation is withdrawn before it was ever used. */
  deactivateIfNeverSignedIn(em: EntityManager, userId: string): Promise<void> {
    return this.repo.deactivateIfNeverSignedIn(em, userId);
  }

  // Memberships are identity's rows; alliance's MembershipService decides who may change them.

  lockMembership(em: EntityManager, allianceId: string, userId: string): Promise<MembershipEntity | null> {
    return this.repo.lockMembership(em, allianceId, userId);
  }

  deleteMembership(em: EntityManager, id: string): Promise<void> {
    return this.repo.deleteMembership(em, id);
  }

  /** Ends the user's membership in the alliance, if any. */
  deleteMembershipOf(em: EntityManager, allianceId: string, userId: string): Promise<void> {
    return this.repo.deleteMembershipOf(em, allianceId, userId);
  }

  upsertMembership(
    em: EntityManager,
    allianceId: string,
    userId: string,
    roles: Role[],
  ): Promise<MembershipEntity> {
    return this.repo.upsertMembership(em, allianceId, userId, roles);
  }
}
