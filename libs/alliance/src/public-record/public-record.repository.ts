import type { EntityManager } from 'typeorm';

export interface PublicRecordRow {
  allianceId: string;
  published: boolean;
  changedAt: Date | null;
  contactEmail: string | null;
  fundingPeriodStart: string | null;
  fundingPeriodEnd: string | null;
}

const COLUMNS = `id, public_record, public_record_changed_at, public_contact_email,
  funding_period_start::text AS funding_period_start, funding_period_end::text AS funding_period_end`;

function toRow(r: any): PublicRecordRow {
  return {
    allianceId: r.id,
    published: r.public_record,
    changedAt: r.public_record_changed_at ? new Date(r.public_record_changed_at) : null,
    contactEmail: r.public_contact_email,
    fundingPeriodStart: r.funding_period_start,
    fundingPeriodEnd: r.funding_period_end,
  };
}

/** The alliance's public-record settings (columns of `alliances`). */
export const PublicRecordRepository = {
  async byAllianceIds(em: EntityManager, ids: readonly string[]): Promise<PublicRecordRow[]> {
    const rows = await em.query(`SELECT ${COLUMNS} FROM alliances WHERE id = ANY($1::uuid[])`, [ids]);
    return rows.map(toRow);
  },

  async lock(em: EntityManager, allianceId: string): Promise<PublicRecordRow | null> {
    const rows = await em.query(`SELECT ${COLUMNS} FROM alliances WHERE id = $1 FOR UPDATE`, [allianceId]);
    return rows.length ? toRow(rows[0]) : null;
  },

  /** `changedAt` moves only when `published` flips, so a withdrawn body keeps its deletion time. */
  async save(em: EntityManager, row: PublicRecordRow, publishedChanged: boolean): Promise<void> {
    await em.query(
      `UPDATE alliances SET public_record = $2, public_contact_email = $3, funding_period_start = $4,
              funding_period_end = $5, updated_at = now(),
              public_record_changed_at = CASE WHEN $6 THEN clock_timestamp() ELSE public_record_changed_at END
        WHERE id = $1`,
      [
        row.allianceId,
        row.published,
        row.contactEmail,
        row.fundingPeriodStart,
        row.fundingPeriodEnd,
        publishedChanged,
      ],
    );
  },
};
