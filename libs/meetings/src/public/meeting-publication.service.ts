import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, AuditService, LoaderRegistry } from '../../../core/src/index.js';
import type { MeetingEntity } from '../meetings/meeting.entities.js';
import { MeetingChange } from '../meetings/meeting.enums.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { MeetingPublicationRepository } from './meeting-publication.repository.js';

/**
 * A meeting's `public` flag (off by default): with the alliance's opt-in, the meeting, its agenda,
 * its decisions and approved minutes appear in the public OParl view. It may change at any time,
 * also after the record became final; withdrawing it shows the meeting there as deleted.
 */
@Injectable()
export class MeetingPublicationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly meetings: MeetingsService,
    private readonly audit: AuditService,
  ) {}

  publicLoader(loaders: LoaderRegistry) {
    return loaders.get<string, boolean>('meeting.public', async (ids) => {
      const published = await MeetingPublicationRepository.publicByMeetingIds(this.dataSource.manager, ids);
      return ids.map((id) => published.has(id));
    });
  }

  set(actor: Actor, meetingId: string, isPublic: boolean): Promise<MeetingEntity> {
    return this.dataSource.transaction(async (em) => {
      const meeting = await this.meetings.lockForRunning(em, actor, meetingId, 'pessimistic_read');
      const changed = await MeetingPublicationRepository.set(em, meeting, isPublic, actor.userId);
      if (changed) {
        await this.audit.append(em, {
          actorId: actor.userId,
          action: 'setMeetingPublic',
          entityType: 'Meeting',
          entityId: meeting.id,
          allianceId: meeting.allianceId,
          changedFields: ['public'],
        });
        this.meetings.announce(em, MeetingChange.UPDATED, meeting);
      }
      return meeting;
    });
  }
}
