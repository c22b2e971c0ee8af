import type { EntityManager } from 'typeorm';

/**
 * The public record, read only from the views its owning contexts publish: alliance's
 * `alliance_public_*` (bodies, organizations) and `alliance_*_directory`, meetings'
 * `meetings_public_*` (meetings, papers, agenda items, invited and present partners). Only alliances
 * that are or were public appear; an object is `deleted` when it is no longer public (its alliance
 * opted out, its meeting was withdrawn), with the time that happened as `modified`. Nothing here can
 * name a person.
 */

export type ListKind = 'bodies' | 'organizations' | 'meetings' | 'papers';

export interface ListFilter {
  bodyId?: string;
  createdSince?: Date;
  createdUntil?: Date;
  modifiedSince?: Date;
  modifiedUntil?: Date;
  /** Keyset cursor: the last row's created time (as PostgreSQL text) and id. */
  after?: { created: string; id: string };
  limit: number;
}

/** Every row of every kind carries these; `created_key` is the exact timestamptz text for paging. */
export interface RecordRow {
  id: string;
  body_id: string;
  deleted: boolean;
  created: Date;
  modified: Date;
  created_key: string;
  [column: string]: any;
}

const BODIES = 'SELECT * FROM alliance_public_bodies';
const ORGANIZATIONS = 'SELECT * FROM alliance_public_organizations';
const MEETINGS = 'SELECT * FROM meetings_public_meetings';
/** Decisions become papers once the minutes of their meeting are approved (the record is final). */
const PAPERS = 'SELECT * FROM meetings_public_papers';

const SOURCES: Record<ListKind, string> = {
  bodies: BODIES,
  organizations: ORGANIZATIONS,
  meetings: MEETINGS,
  papers: PAPERS,
};

export const OparlRepository = {
  /**
   * One page of a list in its stable order (created, id), with the total under the filters.
   * Deleted objects only when `modifiedSince` is set, as the specification requires.
   */
  async page(
    em: EntityManager,
    kind: ListKind,
    f: ListFilter,
  ): Promise<{ rows: RecordRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (f.bodyId) add('s.body_id = ?', f.bodyId);
    if (!f.modifiedSince) where.push('NOT s.deleted');
    if (f.createdSince) add('s.created >= ?', f.createdSince);
    if (f.createdUntil) add('s.created <= ?', f.createdUntil);
    if (f.modifiedSince) add('s.modified >= ?', f.modifiedSince);
    if (f.modifiedUntil) add('s.modified <= ?', f.modifiedUntil);
    const filtered = where.length ? `WHERE ${where.join(' AND ')}` : '';
    let keyset = '';
    if (f.after) {
      params.push(f.after.created, f.after.id);
      keyset = `WHERE (y.created, y.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
    params.push(f.limit + 1);
    // One statement: the filtered list's total, joined to the page (no page row: just the total).
    const rows: (RecordRow & { total: string })[] = await em.query(
      `WITH x AS (SELECT * FROM (${SOURCES[kind]}) s ${filtered})
       SELECT t.total, page.* FROM (SELECT count(*) AS total FROM x) t
       LEFT JOIN LATERAL (SELECT * FROM x y ${keyset} ORDER BY y.created, y.id LIMIT $${params.length}) page ON true`,
      params,
    );
    const total = Number(rows[0]?.total ?? 0);
    return { rows: rows.filter((r) => r.id !== null), total };
  },

  async one(em: EntityManager, kind: ListKind, id: string): Promise<RecordRow | null> {
    const rows = await em.query(`SELECT * FROM (${SOURCES[kind]}) x WHERE x.id = $1`, [id]);
    return rows[0] ?? null;
  },

  async byIds(em: EntityManager, kind: ListKind, ids: string[]): Promise<RecordRow[]> {
    if (!ids.length) return [];
    return em.query(`SELECT * FROM (${SOURCES[kind]}) x WHERE x.id = ANY($1::uuid[])`, [ids]);
  },

  /** Visible papers of these meetings (their decisions, once the minutes are approved). */
  async papersOfMeetings(em: EntityManager, meetingIds: string[]): Promise<RecordRow[]> {
    if (!meetingIds.length) return [];
    return em.query(
      `SELECT * FROM (${PAPERS}) x WHERE x.meeting_id = ANY($1::uuid[]) AND NOT x.deleted ORDER BY x.number`,
      [meetingIds],
    );
  },

  /** Visible papers that amend these papers, or that these papers amend. */
  async relatedPapers(
    em: EntityManager,
    papers: RecordRow[],
  ): Promise<{ id: string; amends_id: string | null }[]> {
    if (!papers.length) return [];
    const ids = papers.map((p) => p.id);
    const amended = papers.map((p) => p.amends_id).filter(Boolean);
    return em.query(
      `SELECT x.id, x.amends_id FROM (${PAPERS}) x
        WHERE NOT x.deleted AND (x.amends_id = ANY($1::uuid[]) OR x.id = ANY($2::uuid[]))`,
      [ids, amended],
    );
  },

  /** Agenda items of these meetings, in order. */
  async agendaOfMeetings(em: EntityManager, meetingIds: string[]): Promise<any[]> {
    if (!meetingIds.length) return [];
    return em.query(
      `SELECT ai.id, ai.meeting_id, ai.position, ai.title, ai.created_at
         FROM meetings_public_agenda_items ai
        WHERE ai.meeting_id = ANY($1::uuid[]) AND ai.deleted_at IS NULL ORDER BY ai.meeting_id, ai.position`,
      [meetingIds],
    );
  },

  /** An agenda item, or the record that it was removed; with its meeting's id. */
  async agendaItem(em: EntityManager, id: string): Promise<any | null> {
    const rows = await em.query(
      `SELECT ai.id, ai.meeting_id, ai.position, ai.title, ai.created_at, ai.deleted_at
         FROM meetings_public_agenda_items ai WHERE ai.id = $1 ORDER BY ai.deleted_at NULLS FIRST`,
      [id],
    );
    return rows[0] ?? null;
  },

  /** The invited partners of these meetings (the organisations taking part), in invitation order. */
  async invitedOfMeetings(em: EntityManager, meetingIds: string[]): Promise<any[]> {
    if (!meetingIds.length) return [];
    return em.query(
      `SELECT i.meeting_id, i.partner_id, o.name
         FROM meetings_public_invited_partners i
         JOIN alliance_partner_directory p ON p.id = i.partner_id
         JOIN alliance_organisation_directory o ON o.id = p.organisation_id
        WHERE i.meeting_id = ANY($1::uuid[]) ORDER BY i.meeting_id, i.position`,
      [meetingIds],
    );
  },

  /** Organisations present at a meeting (never the people who represented them). */
  async partnersPresent(em: EntityManager, meetingId: string): Promise<string[]> {
    const rows = await em.query(
      `SELECT o.name FROM meetings_public_partners_present at
         JOIN alliance_partner_directory p ON p.id = at.partner_id
         JOIN alliance_organisation_directory o ON o.id = p.organisation_id
        WHERE at.meeting_id = $1 ORDER BY o.name`,
      [meetingId],
    );
    return rows.map((r: any) => r.name);
  },

  /** The System's times: the first alliance's creation, the latest change of any public body. */
  async systemTimes(em: EntityManager): Promise<{ created: Date | null; modified: Date | null }> {
    const [row] = await em.query(
      `SELECT (SELECT min(created_at) FROM alliance_public_record_state) AS created, (SELECT max(x.modified) FROM (${BODIES}) x) AS modified`,
    );
    return row;
  },
};
