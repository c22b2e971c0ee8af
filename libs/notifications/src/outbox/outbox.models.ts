import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../../../core/src/index.js';

export enum MailStatusEnum {
  PENDING = 'PENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
}
registerEnumType(MailStatusEnum, {
  name: 'MailStatus',
  valuesMap: {
    PENDING: { description: 'Waiting for delivery (or, without SMTP_URL, kept in the outbox).' },
    SENT: { description: 'Accepted by the SMTP relay; the body is no longer kept.' },
    FAILED: { description: 'Not delivered after the last attempt; can be sent again.' },
  },
});

@ObjectType('Mail', { description: 'A mail in the outbox (Postausgang).' })
export class MailModel {
  @Field(() => ID)
  id: string;
  @Field()
  recipient: string;
  @Field()
  language: string;
  @Field()
  template: string;
  @Field()
  subject: string;
  @Field(() => String, {
    nullable: true,
    description: 'Plain text; null once delivered, and always in production.',
  })
  text: string | null;
  @Field(() => MailStatusEnum)
  status: MailStatusEnum;
  @Field(() => Int)
  attempts: number;
  @Field(() => String, { nullable: true })
  lastError: string | null;
  @Field()
  createdAt: Date;
  @Field(() => Date, { nullable: true })
  sentAt: Date | null;
  @Field(() => Date, { nullable: true })
  failedAt: Date | null;
}

@ObjectType()
export class MailConnection extends Connection(MailModel, 'Mail') {}
