import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CalendarFeedEntity } from '../meetings/meeting.entities.js';

/** The SQL of calendar feeds: one per user, found by the SHA-256 of its token. */
@Injectable()
export class CalendarFeedRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  ofUser(userId: string): Promise<CalendarFeedEntity | null> {
    return this.dataSource.getRepository(CalendarFeedEntity).findOne({ where: { userId } });
  }

  /** Removes the user's feed and inserts a new one with a placeholder hash (set by `setTokenHash`). */
  async replace(em: EntityManager, userId: string): Promise<{ id: string; createdAt: Date }> {
    await em.query('DELETE FROM calendar_feeds WHERE user_id = $1', [userId]);
    const [row]: { id: string; created_at: Date }[] = await em.query(
      'INSERT INTO calendar_feeds (user_id, token_hash) VALUES ($1, $2) RETURNING id, created_at',
      [userId, 'pending'],
    );
    return { id: row.id, createdAt: row.created_at };
  }

  async setTokenHash(em: EntityManager, id: string, tokenHash: string): Promise<void> {
    await em.query('UPDATE calendar_feeds SET token_hash = $2 WHERE id = $1', [id, tokenHash]);
  }

  /** The user's feed id, locked for the rest of the transaction. */
  async lockOfUser(em: EntityManager, userId: string): Promise<string | null> {
    const rows: { id: string }[] = await em.query(
      'SELECT id FROM calendar_feeds WHERE user_id = $1 FOR UPDATE',
      [userId],
    );
    return rows[0]?.id ?? null;
  }

  async delete(em: EntityManager, id: string): Promise<void> {
    await em.query('DELETE FROM calendar_feeds WHERE id = $1', [id]);
  }

  async userOfTokenHash(tokenHash: string): Promise<string | null> {
    const rows: { user_id: string }[] = await this.dataSource.query(
      'SELECT user_id FROM calendar_feeds WHERE token_hash = $1',
      [tokenHash],
    );
    return rows[0]?.user_id ?? null;
  }
}
