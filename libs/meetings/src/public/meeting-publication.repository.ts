import type { EntityManager } from 'typeorm';

/** Which meetings are public: one row per meeting that was ever published (none: not public). */
export const MeetingPublicationRepository = {
  async publicByMeetingIds(em: EntityManager, ids: readonly string[]): Promise<Set<string>> {
    const rows: { meeting_id: string }[] = await em.query(
      'SELECT meeting_id FROM meeting_publications WHERE meeting_id = ANY($1::uuid[]) AND public',
      [ids],
    );
    return new Set(rows.map((r) => r.meeting_id));
  },

  /** Upserts the flag; `changed_at` moves only when the flag changes. Returns whether it changed. */
  async set(
    em: EntityManager,
    meeting: { id: string; allianceId: string },
    isPublic: boolean,
    actorId: string,
  ): Promise<boolean> {
    const rows = await em.query(
      `INSERT INTO meeting_publications AS p (meeting_id, alliance_id, public, changed_by)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (meeting_id) DO UPDATE SET public = EXCLUDED.public, changed_by = EXCLUDED.changed_by,
         changed_at = clock_timestamp()
       WHERE p.public IS DISTINCT FROM EXCLUDED.public
       RETURNING meeting_id`,
      [meeting.id, meeting.allianceId, isPublic, actorId],
    );
    return rows.length > 0;
  },
};
