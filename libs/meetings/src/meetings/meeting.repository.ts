import type { allianceWhere } from '../../../core/src/index.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, MoreThanOrEqual } from 'typeorm';
import { MeetingEntity, MeetingInvitedPartnerEntity } from './meeting.entities.js';
import type { MeetingStatus } from './meeting.enums.js';

export type LockMode = 'pessimistic_write' | 'pessimistic_read';

export interface MeetingFilter {
  from?: Date | null;
  to?: Date | null;
  status?: MeetingStatus[] | null;
}

/** Present and invited partners of a meeting, for the quorum rule. */
export interface QuorumCount {
  meetingId: string;
  present: number;
  invited: number;
  /** The alliance's quorum share (alliance context's setting, read in the same statement). */
  share: number;
}

/** The SQL of meetings and their invited partners. */
/** Where a lookup is limited to the caller's alliances (core's allianceWhere, never null here). */
type AllianceWhere = NonNullable<ReturnType<typeof allianceWhere>>;

@Injectable()
export class MeetingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The meeting if it belongs to one of the alliances in `scope` (allianceWhere). */
  findById(id: string, scope: AllianceWhere = {}): Promise<MeetingEntity | null> {
    return this.dataSource.getRepository(MeetingEntity).findOne({ where: { id, ...scope } });
  }

  findByIds(ids: readonly string[]): Promise<MeetingEntity[]> {
    return this.dataSource.getRepository(MeetingEntity).find({ where: { id: In([...ids]) } });
  }

  /** The alliance's meetings in start order, at most `limit`. */
  list(allianceId: string, filter: MeetingFilter, limit: number): Promise<MeetingEntity[]> {
    const qb = this.dataSource
      .getRepository(MeetingEntity)
      .createQueryBuilder('m')
      .where('m.alliance_id = :allianceId', { allianceId })
      .orderBy('m.starts_at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .limit(limit);
    if (filter.from) qb.andWhere('m.starts_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('m.starts_at < :to', { to: filter.to });
    if (filter.status?.length) qb.andWhere('m.status IN (:...status)', { status: filter.status });
    return qb.getMany();
  }

  /** The meeting row, locked for the rest of the transaction. */
  lock(
    em: EntityManager,
    id: string,
    mode: LockMode,
    scope: AllianceWhere = {},
  ): Promise<MeetingEntity | null> {
    return em.findOne(MeetingEntity, { where: { id, ...scope }, lock: { mode } });
  }

  /** The id of the meeting whose minutes `decisionId` approved, if it did. */
  async approvedByDecision(em: EntityManager, decisionId: string): Promise<string | null> {
    const rows: { id: string }[] = await em.query(
      'SELECT id FROM meetings WHERE minutes_approval_decision_id = $1',
      [decisionId],
    );
    return rows[0]?.id ?? null;
  }

  /** Without a lock, inside the caller's transaction. */
  find(em: EntityManager, id: string): Promise<MeetingEntity | null> {
    return em.findOne(MeetingEntity, { where: { id } });
  }

  insert(em: EntityManager, fields: Partial<MeetingEntity>): Promise<MeetingEntity> {
    return em.save(em.create(MeetingEntity, fields));
  }

  save(em: EntityManager, meeting: MeetingEntity): Promise<MeetingEntity> {
    return em.save(meeting);
  }

  // ── invited partners ───────────────────────────────────────

  /** Replaces the invitation list; `partnerIds` in the order of invitation. */
  async replaceInvited(em: EntityManager, meetingId: string, partnerIds: string[]): Promise<void> {
    await em.query('DELETE FROM meeting_invited_partners WHERE meeting_id = $1', [meetingId]);
    await this.insertInvited(em, meetingId, partnerIds);
  }

  async insertInvited(em: EntityManager, meetingId: string, partnerIds: string[]): Promise<void> {
    if (!partnerIds.length) return;
    await em.query(
      'INSERT INTO meeting_invited_partners (meeting_id, partner_id, position) SELECT $1, p, n FROM unnest($2::uuid[]) WITH ORDINALITY AS t(p, n)',
      [meetingId, partnerIds],
    );
  }

  async isInvited(em: EntityManager, meetingId: string, partnerId: string): Promise<boolean> {
    const rows = await em.query(
      'SELECT 1 FROM meeting_invited_partners WHERE meeting_id = $1 AND partner_id = $2',
      [meetingId, partnerId],
    );
    return rows.length > 0;
  }

  invitedOf(meetingIds: readonly string[]): Promise<MeetingInvitedPartnerEntity[]> {
    return this.dataSource
      .getRepository(MeetingInvitedPartnerEntity)
      .find({ where: { meetingId: In([...meetingIds]) }, order: { position: 'ASC' } });
  }

  /**
   * Present and invited partners per meeting with the alliance's quorum share, in one statement for
   * all meetings asked (joining `alliances` keeps the quorum one statement; the rule is `isQuorate`).
   */
  async quorumCounts(meetingIds: readonly string[]): Promise<QuorumCount[]> {
    const rows: { id: string; share: number; present: number; invited: number }[] =
      await this.dataSource.query(
        `SELECT m.id, al.quorum_share AS share,
                (SELECT count(*)::int FROM attendances a
                   JOIN meeting_invited_partners i ON i.meeting_id = a.meeting_id AND i.partner_id = a.partner_id
                  WHERE a.meeting_id = m.id AND a.status = 'PRESENT') AS present,
                (SELECT count(*)::int FROM meeting_invited_partners i WHERE i.meeting_id = m.id) AS invited
           FROM meetings m JOIN alliances al ON al.id = m.alliance_id
          WHERE m.id = ANY($1::uuid[])`,
        [[...meetingIds]],
      );
    return rows.map((r) => ({
      meetingId: r.id,
      present: r.present,
      invited: r.invited,
      share: r.share,
    }));
  }

  /** Meetings of the alliances that end at or after `since`, for a calendar feed. */
  feed(allianceIds: string[], since: Date): Promise<MeetingEntity[]> {
    if (!allianceIds.length) return Promise.resolve([]);
    return this.dataSource.getRepository(MeetingEntity).find({
      where: { allianceId: In(allianceIds), endsAt: MoreThanOrEqual(since) },
      order: { startsAt: 'ASC', id: 'ASC' },
    });
  }
}
