import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface OidcAccountRow {
  id: string;
  deactivated: boolean;
  /** Has a password or accepted an invitation: an account in use. */
  established: boolean;
  /** Open invitations (not accepted, not withdrawn, not expired) of an account not yet in use. */
  openInvitations: { id: string; allianceId: string }[];
}

/** The SQL of sign-in through the identity provider: the account of an e-mail and its invitations. */
@Injectable()
export class OidcRepository {
  /** The account of a verified e-mail address (case-insensitive), locked for the sign-in. */
  async accountByEmail(em: EntityManager, email: string): Promise<OidcAccountRow | null> {
    const rows = await em.query(
      `SELECT u.id, u.deactivated_at IS NOT NULL AS deactivated,
              (u.password_hash IS NOT NULL OR EXISTS (
                 SELECT 1 FROM invitations i WHERE i.user_id = u.id AND i.accepted_at IS NOT NULL)) AS established,
              coalesce((SELECT json_agg(json_build_object('id', i.id, 'allianceId', i.alliance_id) ORDER BY i.created_at)
                          FROM invitations i
                         WHERE i.user_id = u.id AND i.accepted_at IS NULL AND i.revoked_at IS NULL
                           AND i.expires_at > now()), '[]') AS open
         FROM users u WHERE lower(u.email) = lower($1)
        FOR UPDATE OF u`,
      [email],
    );
    const r = rows[0];
    return r
      ? { id: r.id, deactivated: r.deactivated, established: r.established, openInvitations: r.open }
      : null;
  }

  async markAccepted(em: EntityManager, invitationId: string): Promise<void> {
    await em.query('UPDATE invitations SET accepted_at = now() WHERE id = $1 AND accepted_at IS NULL', [
      invitationId,
    ]);
  }
}
