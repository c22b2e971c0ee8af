import type { EntityManager } from 'typeorm';
import { PublicRecordRepository } from '../../../alliance/src/index.js';
import { MeetingPublicationRepository } from './meeting-publication.repository.js';

/**
 * The demo alliance's public record: it opts in (with its funding period and a role address) and
 * publishes its kick-off meeting, whose minutes are approved; the upcoming meeting stays internal.
 */
export async function seedDemoPublicRecord(
  em: EntityManager,
  allianceId: string,
  meeting: { id: string; year: number },
  actorId: string,
): Promise<void> {
  await PublicRecordRepository.save(
    em,
    {
      allianceId,
      published: true,
      changedAt: null,
      contactEmail: 'koordination@demo.local',
      fundingPeriodStart: `${meeting.year}-01-01`,
      fundingPeriodEnd: `${meeting.year + 2}-12-31`,
    },
    true,
  );
  await MeetingPublicationRepository.set(em, { id: meeting.id, allianceId }, true, actorId);
}
