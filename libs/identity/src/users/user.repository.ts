import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { queryRows, type Role } from '../../../core/src/index.js';
import { MembershipEntity } from './membership.entity.js';
import { UserEntity } from './user.entity.js';

/** The SQL of users and their memberships (roles per alliance). */
@Injectable()
export class UserRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async emailTaken(em: EntityManager, email: string): Promise<boolean> {
    const rows = await em.query('SELECT 1 FROM users WHERE lower(email) = lower($1)', [email]);
    return rows.length > 0;
  }

  insert(em: EntityManager, fields: Partial<UserEntity>): Promise<UserEntity> {
    return em.save(em.create(UserEntity, fields));
  }

  findByEmailWithHash(email: string): Promise<UserEntity | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOne({ where: { id } });
  }

  byIds(ids: readonly string[]): Promise<UserEntity[]> {
    return this.dataSource.getRepository(UserEntity).find({ where: { id: In([...ids]) } });
  }

  membershipsOfUsers(userIds: readonly string[]): Promise<MembershipEntity[]> {
    return this.dataSource
      .getRepository(MembershipEntity)
      .find({ where: { userId: In([...userIds]) }, order: { createdAt: 'ASC' } });
  }

  membershipsOfAlliances(allianceIds: readonly string[]): Promise<MembershipEntity[]> {
    return this.dataSource
      .getRepository(MembershipEntity)
      .find({ where: { allianceId: In([...allianceIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async rolesIn(em: EntityManager, allianceId: string, userId: string): Promise<Role[]> {
    const rows: { roles: Role[] }[] = await em.query(
      'SELECT roles FROM memberships WHERE alliance_id = $1 AND user_id = $2',
      [allianceId, userId],
    );
    return rows[0]?.roles ?? [];
  }

  /** userId → organisationId for those of `userIds` who are members of the alliance. */
  async organisationsOfMembers(
    em: EntityManager,
    allianceId: string,
    userIds: string[],
  ): Promise<Map<string, string>> {
    const rows: { id: string; organisation_id: string }[] = await em.query(
      `SELECT u.id, u.organisation_id FROM users u JOIN memberships ms ON ms.user_id = u.id AND ms.alliance_id = $1
        WHERE u.id = ANY($2::uuid[])`,
      [allianceId, userIds],
    );
    return new Map(rows.map((r) => [r.id, r.organisation_id]));
  }

  /** Those of `userIds` who belong to the organisation and are members of the alliance. */
  async membersFromOrganisation(
    em: EntityManager,
    allianceId: string,
    organisationId: string,
    userIds: string[],
  ): Promise<string[]> {
    const rows: { id: string }[] = await em.query(
      `SELECT u.id FROM users u JOIN memberships ms ON ms.user_id = u.id AND ms.alliance_id = $2
        WHERE u.id = ANY($1::uuid[]) AND u.organisation_id = $3`,
      [userIds, allianceId, organisationId],
    );
    return rows.map((r) => r.id);
  }

  /** Active users of the organisations who are members of the alliance (with one of `roles`, when given). */
  async activeMembersOfOrganisations(
    em: EntityManager,
    allianceId: string,
    organisationIds: string[],
    roles: Role[] | null,
  ): Promise<string[]> {
    const rows: { id: string }[] = await em.query(
      `SELECT u.id FROM users u JOIN memberships ms ON ms.user_id = u.id AND ms.alliance_id = $1
        WHERE u.organisation_id = ANY($2::uuid[]) AND u.deactivated_at IS NULL
          AND ($3::text[] IS NULL OR ms.roles && $3::text[])`,
      [allianceId, organisationIds, roles],
    );
    return rows.map((r) => r.id);
  }

  /** Active members of the alliance from these organisations, with their organisation. */
  activeMembersByOrganisation(
    em: EntityManager,
    allianceId: string,
    organisationIds: string[],
  ): Promise<{ id: string; organisationId: string }[]> {
    return em.query(
      `SELECT u.id, u.organisation_id AS "organisationId"
         FROM users u JOIN memberships ms ON ms.user_id = u.id AND ms.alliance_id = $1
        WHERE u.organisation_id = ANY($2::uuid[]) AND u.deactivated_at IS NULL`,
      [allianceId, organisationIds],
    );
  }

  /** Active users of the organisation who hold `role` in any of their alliance memberships. */
  async activeWithRoleInOrganisation(
    em: EntityManager,
    organisationId: string,
    role: Role,
  ): Promise<string[]> {
    const rows: { id: string }[] = await em.query(
      `SELECT DISTINCT u.id FROM users u JOIN memberships ms ON ms.user_id = u.id
        WHERE u.organisation_id = $1 AND u.deactivated_at IS NULL AND $2 = ANY(ms.roles)`,
      [organisationId, role],
    );
    return rows.map((r) => r.id);
  }

  /** Address, name and language of the active users among `ids`. */
  contactsOf(
    em: EntityManager,
    ids: string[],
  ): Promise<{ id: string; email: string; displayName: string; language: 'de' | 'en' }[]> {
    return em.query(
      `SELECT id, email, display_name AS "displayName", language FROM users
        WHERE id = ANY($1::uuid[]) AND deactivated_at IS NULL`,
      [ids],
    );
  }

  async allianceIdsOf(userId: string): Promise<string[]> {
    const rows: { alliance_id: string }[] = await this.dataSource.query(
      'SELECT alliance_id FROM memberships WHERE user_id = $1',
      [userId],
    );
    return rows.map((r) => r.alliance_id);
  }

  find(em: EntityManager, id: string): Promise<UserEntity | null> {
    return em.findOne(UserEntity, { where: { id } });
  }

  findMany(em: EntityManager, ids: string[]): Promise<UserEntity[]> {
    return em.find(UserEntity, { where: { id: In(ids) } });
  }

  async setPassword(em: EntityManager, id: string, hash: string): Promise<void> {
    await em.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [id, hash]);
  }

  /** Switches the user off unless they ever set a password (an invited account never used). */
  async deactivateIfNeverSignedIn(em: EntityManager, id: string): Promise<void> {
    await queryRows(
      em,
      `UPDATE users SET deactivated_at = now() WHERE id = $1 AND password_hash IS NULL AND deactivated_at IS NULL RETURNING id`,
      [id],
    );
  }

  findByEmail(em: EntityManager, email: string): Promise<UserEntity | null> {
    return em
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
  }

  /** Serialises the creation of the platform administrator across instances (until commit). */
  async lockAdminCreation(em: EntityManager): Promise<void> {
    await em.query('SELECT pg_advisory_xact_lock(4711003)');
  }

  lockMembership(em: EntityManager, allianceId: string, userId: string): Promise<MembershipEntity | null> {
    return em.findOne(MembershipEntity, {
      where: { allianceId, userId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async deleteMembership(em: EntityManager, id: string): Promise<void> {
    await em.delete(MembershipEntity, { id });
  }

  async deleteMembershipOf(em: EntityManager, allianceId: string, userId: string): Promise<void> {
    await em.query('DELETE FROM memberships WHERE alliance_id = $1 AND user_id = $2', [allianceId, userId]);
  }

  /** An upsert: two admins granting a first membership at once both succeed (the later roles win). */
  async upsertMembership(
    em: EntityManager,
    allianceId: string,
    userId: string,
    roles: Role[],
  ): Promise<MembershipEntity> {
    const [row] = await em.query(
      `INSERT INTO memberships (alliance_id, user_id, roles) VALUES ($1, $2, $3)
       ON CONFLICT (alliance_id, user_id) DO UPDATE SET roles = EXCLUDED.roles
       RETURNING id, alliance_id, user_id, roles, created_at`,
      [allianceId, userId, roles],
    );
    return em.create(MembershipEntity, {
      id: row.id,
      allianceId: row.alliance_id,
      userId: row.user_id,
      roles: row.roles,
      createdAt: row.created_at,
    });
  }
}
