import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../../../core/src/index.js';

export interface InvitationRow {
  id: string;
  userId: string;
  allianceId: string;
  roles: string[];
  invitedBy: string | null;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  sentCount: number;
  createdAt: Date;
  email: string;
  displayName: string;
  organisationId: string;
  language: 'de' | 'en';
}

const COLUMNS = `i.id, i.user_id AS "userId", i.alliance_id AS "allianceId", i.roles, i.invited_by AS "invitedBy",
  i.expires_at AS "expiresAt", i.accepted_at AS "acceptedAt", i.revoked_at AS "revokedAt", i.sent_count AS "sentCount",
  i.created_at AS "createdAt", u.email, u.display_name AS "displayName", u.organisation_id AS "organisationId", u.language`;

export const INVITATION_DAYS = 7;

/** SQL of invitations and of the checks around them (partners, administered organisations). */
@Injectable()
export class InvitationRepository {
  async insert(
    em: EntityManager,
    v: { userId: string; allianceId: string; roles: string[]; invitedBy: string; tokenHash: string },
  ): Promise<string> {
    const [row] = await em.query(
      `INSERT INTO invitations (user_id, alliance_id, roles, invited_by, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6)) RETURNING id`,
      [v.userId, v.allianceId, v.roles, v.invitedBy, v.tokenHash, INVITATION_DAYS],
    );
    return row.id;
  }

  async byId(em: EntityManager, id: string, lock = false): Promise<InvitationRow | null> {
    const rows = await em.query(
      `SELECT ${COLUMNS} FROM invitations i JOIN users u ON u.id = i.user_id WHERE i.id = $1${lock ? ' FOR UPDATE OF i' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async byTokenHash(em: EntityManager, tokenHash: string): Promise<InvitationRow | null> {
    const rows = await em.query(
      `SELECT ${COLUMNS} FROM invitations i JOIN users u ON u.id = i.user_id WHERE i.token_hash = $1 FOR UPDATE OF i`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** Open invitations of an alliance (not accepted, not revoked; expired ones too, to send again). */
  pending(em: EntityManager, allianceId: string): Promise<InvitationRow[]> {
    return em.query(
      `SELECT ${COLUMNS} FROM invitations i JOIN users u ON u.id = i.user_id
        WHERE i.alliance_id = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL
        ORDER BY i.created_at, i.id`,
      [allianceId],
    );
  }

  async renew(em: EntityManager, id: string, tokenHash: string): Promise<void> {
    await em.query(
      `UPDATE invitations SET token_hash = $2, expires_at = now() + make_interval(days => $3), sent_count = sent_count + 1
        WHERE id = $1`,
      [id, tokenHash, INVITATION_DAYS],
    );
  }

  async setPassword(em: EntityManager, userId: string, hash: string): Promise<void> {
    await em.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [userId, hash]);
  }

  async markAccepted(em: EntityManager, id: string): Promise<void> {
    await em.query('UPDATE invitations SET accepted_at = now() WHERE id = $1', [id]);
  }

  async markRevoked(em: EntityManager, id: string): Promise<void> {
    await em.query('UPDATE invitations SET revoked_at = now() WHERE id = $1', [id]);
  }

  /** The partner status of an organisation in an alliance, or null when it is no partner. */
  async partnerStatus(em: EntityManager, allianceId: string, organisationId: string): Promise<string | null> {
    const rows = await em.query(
      'SELECT status FROM partners WHERE alliance_id = $1 AND organisation_id = $2',
      [allianceId, organisationId],
    );
    return rows[0]?.status ?? null;
  }

  async emailTaken(em: EntityManager, email: string): Promise<boolean> {
    const rows = await em.query('SELECT 1 FROM users WHERE lower(email) = lower($1)', [email.trim()]);
    return rows.length > 0;
  }

  async upsertMembership(
    em: EntityManager,
    allianceId: string,
    userId: string,
    roles: string[],
  ): Promise<void> {
    await em.query(
      `INSERT INTO memberships (alliance_id, user_id, roles) VALUES ($1, $2, $3)
       ON CONFLICT (alliance_id, user_id) DO UPDATE SET roles = EXCLUDED.roles`,
      [allianceId, userId, roles],
    );
  }

  async deleteMembership(em: EntityManager, allianceId: string, userId: string): Promise<void> {
    await em.query('DELETE FROM memberships WHERE alliance_id = $1 AND user_id = $2', [allianceId, userId]);
  }

  async names(em: EntityManager, allianceId: string, organisationId: string, actorId: string) {
    const [row] = await em.query(
      `SELECT (SELECT name FROM alliances WHERE id = $1) AS alliance, (SELECT name FROM organisations WHERE id = $2) AS organisation,
              (SELECT display_name FROM users WHERE id = $3) AS actor`,
      [allianceId, organisationId, actorId],
    );
    return row as { alliance: string; organisation: string; actor: string };
  }

  /** The target user with the alliances whose ALLIANCE_ADMINs may administer them (their organisation's partnerships). */
  async administeredBy(
    em: EntityManager,
    userId: string,
  ): Promise<{ id: string; platformAdmin: boolean; allianceIds: string[] } | null> {
    const rows = await em.query(
      `SELECT u.id, u.platform_admin AS "platformAdmin",
              coalesce(array_agg(p.alliance_id) FILTER (WHERE p.id IS NOT NULL), '{}') AS "allianceIds"
         FROM users u LEFT JOIN partners p ON p.organisation_id = u.organisation_id
        WHERE u.id = $1 GROUP BY u.id`,
      [userId],
    );
    return rows[0] ?? null;
  }

  /** Users without a password whose invitation was revoked are switched off. */
  async deactivateIfNeverSignedIn(em: EntityManager, userId: string): Promise<void> {
    await queryRows(
      em,
      `UPDATE users SET deactivated_at = now() WHERE id = $1 AND password_hash IS NULL AND deactivated_at IS NULL RETURNING id`,
      [userId],
    );
  }
}
