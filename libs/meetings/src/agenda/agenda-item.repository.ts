import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AgendaItemEntity } from '../meetings/meeting.entities.js';

/** The SQL of agenda items: positions 1…n per meeting without gaps. */
@Injectable()
export class AgendaItemRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(em: EntityManager, id: string): Promise<AgendaItemEntity | null> {
    return em.findOne(AgendaItemEntity, { where: { id } });
  }

  async count(em: EntityManager, meetingId: string): Promise<number> {
    const [{ count }] = await em.query(
      'SELECT count(*)::int AS count FROM agenda_items WHERE meeting_id = $1',
      [meetingId],
    );
    return count;
  }

  insert(em: EntityManager, fields: Partial<AgendaItemEntity>): Promise<AgendaItemEntity> {
    return em.save(em.create(AgendaItemEntity, fields));
  }

  save(em: EntityManager, item: AgendaItemEntity): Promise<AgendaItemEntity> {
    return em.save(item);
  }

  /** Moves the items at positions [from, to) one place down (to make room at `from`). */
  async shiftDown(em: EntityManager, meetingId: string, from: number, to?: number): Promise<void> {
    if (to === undefined) {
      await em.query(
        'UPDATE agenda_items SET position = position + 1 WHERE meeting_id = $1 AND position >= $2',
        [meetingId, from],
      );
    } else {
      await em.query(
        'UPDATE agenda_items SET position = position + 1 WHERE meeting_id = $1 AND position >= $2 AND position < $3',
        [meetingId, from, to],
      );
    }
  }

  /** Moves the items at positions (after, upTo] one place up (closing the gap at `after`). */
  async shiftUp(em: EntityManager, meetingId: string, after: number, upTo?: number): Promise<void> {
    if (upTo === undefined) {
      await em.query(
        'UPDATE agenda_items SET position = position - 1 WHERE meeting_id = $1 AND position > $2',
        [meetingId, after],
      );
    } else {
      await em.query(
        'UPDATE agenda_items SET position = position - 1 WHERE meeting_id = $1 AND position > $2 AND position <= $3',
        [meetingId, after, upTo],
      );
    }
  }

  async delete(em: EntityManager, id: string): Promise<void> {
    await em.query('DELETE FROM agenda_items WHERE id = $1', [id]);
  }

  byIds(ids: readonly string[]): Promise<AgendaItemEntity[]> {
    return this.dataSource.getRepository(AgendaItemEntity).find({ where: { id: In([...ids]) } });
  }

  ofMeetings(meetingIds: readonly string[]): Promise<AgendaItemEntity[]> {
    return this.dataSource
      .getRepository(AgendaItemEntity)
      .find({ where: { meetingId: In([...meetingIds]) }, order: { position: 'ASC' } });
  }
}
