import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../pagination/connection.js';

@ObjectType('AuditEntry', { description: 'An append-only, hash-chained record of a change.' })
export class AuditEntryModel {
  @Field(() => ID)
  id: string;
  @Field(() => Int)
  sequence: number;
  @Field()
  at: Date;
  /** Resolved as `actor` in the identity context. */
  actorId: string | null;
  @Field({ description: "The mutation's name, e.g. 'updateTask'." })
  action: string;
  @Field({ description: "The GraphQL type's name, e.g. 'Task'." })
  entityType: string;
  @Field(() => ID)
  entityId: string;
  @Field(() => ID, { nullable: true })
  allianceId: string | null;
  @Field(() => [String], { description: 'Which fields changed; never the personal data itself.' })
  changedFields: string[];
  @Field()
  hash: string;
  @Field(() => String, { nullable: true })
  previousHash: string | null;
}

@ObjectType()
export class AuditConnection extends Connection(AuditEntryModel, 'Audit') {
  @Field(() => Int, {
    description:
      'The number of matching entries, counted only when selected and at most 10000: a larger log answers 10000 (page on with pageInfo.hasNextPage).',
  })
  declare totalCount: number;
}

@ObjectType({
  description: 'The last full recomputation of the audit chain (a background run, once across instances).',
})
export class AuditFullVerification {
  @Field({ description: 'When the run started.' })
  startedAt: Date;
  @Field({ description: 'When the run finished: the time its result holds for.' })
  finishedAt: Date;
  @Field()
  valid: boolean;
  @Field(() => Int, {
    nullable: true,
    description:
      'Entries recomputed; null for an ALLIANCE_ADMIN (the deployment’s size is not theirs to know).',
  })
  entriesChecked: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'The first entry whose hash did not match; null when valid, and for an ALLIANCE_ADMIN.',
  })
  firstBrokenSequence: number | null;
}

@ObjectType()
export class AuditVerification {
  @Field({ description: 'Whether the chain from the latest signed checkpoint to its head is intact.' })
  valid: boolean;
  @Field(() => Int, {
    description:
      'Entries the verification covers: up to the checkpoint by its signature, after it recomputed. For an ALLIANCE_ADMIN only the entries of the alliances they administer.',
  })
  entriesChecked: number;
  @Field(() => Int, {
    nullable: true,
    description:
      'The first entry whose hash does not match, if any (for an ALLIANCE_ADMIN only when it is one of their alliances’ entries).',
  })
  firstBrokenSequence: number | null;
  @Field(() => Int, {
    description:
      'The signed checkpoint (a sequence) this verification started from; 0: from the first entry. Always 0 for an ALLIANCE_ADMIN.',
  })
  verifiedFromSequence: number;
  @Field(() => AuditFullVerification, {
    nullable: true,
    description: 'The last full verification; null before the first has run.',
  })
  lastFullVerification: AuditFullVerification | null;
}
