import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** An invitation as its own table holds it. */
export interface InvitationRecord {
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
}

/** An invitation with what identity says of the invited user. */
export interface InvitationRow extends InvitationRecord {
  email: string;
  displayName: string;
  organisationId: string;
  language: 'de' | 'en';
}

const COLUMNS = `i.id, i.user_id AS "userId", i.alliance_id AS "allianceId", i.roles, i.invited_by AS "invitedBy",
  i.expires_at AS "expiresAt", i.accepted_at AS "acceptedAt", i.revoked_at AS "revokedAt", i.sent_count AS "sentCount",
  i.created_at AS "createdAt"`;

export const INVITATION_DAYS = 7;

/**
 * SQL of invitations and of the checks around them (alliances, partners, organisations). The invited
 * users and their memberships are identity's rows: the service asks `UsersService` for them.
 */
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

  async byId(em: EntityManager, id: string, lock = false): Promise<InvitationRecord | null> {
    const rows = await em.query(
      `SELECT ${COLUMNS} FROM invitations i WHERE i.id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async byTokenHash(em: EntityManager, tokenHash: string): Promise<InvitationRecord | null> {
    const rows = await em.query(`SELECT ${COLUMNS} FROM invitations i WHERE i.token_hash = $1 FOR UPDATE`, [
      tokenHash,
    ]);
    return rows[0] ?? null;
  }

  /** Open invitations of an alliance (not accepted, not revoked; expired ones too, to send again). */
  pending(em: EntityManager, allianceId: string): Promise<InvitationRecord[]> {
    return em.query(
      `SELECT ${COLUMNS} FROM invitations i
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

  async allianceExists(em: EntityManager, allianceId: string): Promise<boolean> {
    const rows = await em.query('SELECT 1 FROM alliances WHERE id = $1', [allianceId]);
    return rows.length > 0;
  }

  /** The names the invitation mail speaks of. */
  async names(em: EntityManager, allianceId: string, organisationId: string) {
    const [row] = await em.query(
      `SELECT (SELECT name FROM alliances WHERE id = $1) AS alliance, (SELECT name FROM organisations WHERE id = $2) AS organisation`,
      [allianceId, organisationId],
    );
    return row as { alliance: string; organisation: string };
  }

  /** The alliances in which the organisation is (or was) a partner: their ALLIANCE_ADMINs administer its people. */
  async alliancesOfOrganisation(em: EntityManager, organisationId: string): Promise<string[]> {
    const rows: { alliance_id: string }[] = await em.query(
      'SELECT alliance_id FROM partners WHERE organisation_id = $1',
      [organisationId],
    );
    return rows.map((r) => r.alliance_id);
  }
}
