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
export class AuditConnection extends Connection(AuditEntryModel, 'Audit') {}

@ObjectType()
export class AuditVerification {
  @Field()
  valid: boolean;
  @Field(() => Int)
  entriesChecked: number;
  @Field(() => Int, { nullable: true, description: 'The first entry whose hash does not match, if any.' })
  firstBrokenSequence: number | null;
}
