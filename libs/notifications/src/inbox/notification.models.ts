import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../../core/src/index.js';
import {
  NotificationChangeEnum,
  NotificationDeliveryEnum,
  NotificationKindEnum,
} from './notification.enums.js';

@ObjectType('NotificationParam', {
  description: 'A text parameter of a notification (never a client’s personal data).',
})
export class NotificationParamModel {
  @Field()
  key: string;
  @Field()
  value: string;
}

@ObjectType('Notification', { description: 'Something that concerns the signed-in user.' })
export class NotificationModel {
  @Field(() => ID)
  id: string;
  @Field(() => NotificationKindEnum)
  kind: string;
  @Field(() => ID, { nullable: true })
  allianceId: string | null;
  @Field({ description: 'Task, Meeting, Handover or Case.' })
  objectType: string;
  @Field(() => ID)
  objectId: string;
  params: Record<string, string>;
  @Field()
  createdAt: Date;
  @Field(() => Date, { nullable: true })
  readAt: Date | null;
}

@ObjectType()
export class NotificationConnection extends Connection(NotificationModel, 'Notification', {
  totalCountDescription: 'Counted only when selected.',
}) {}

@ObjectType('NotificationEvent', { description: 'A change to the signed-in user’s notifications.' })
export class NotificationEventModel {
  @Field(() => NotificationChangeEnum)
  change: NotificationChangeEnum;
  @Field(() => NotificationModel, {
    nullable: true,
    description: 'The new or read notification; null for ALL_READ.',
  })
  notification: NotificationModel | null;
  @Field(() => Int, { description: 'The user’s unread notifications after the change.' })
  unreadCount: number;
}

@ObjectType('NotificationPreference', {
  description: 'The e-mail delivery of one kind for the signed-in user.',
})
export class NotificationPreferenceModel {
  @Field(() => NotificationKindEnum)
  kind: string;
  @Field(() => NotificationDeliveryEnum)
  delivery: NotificationDeliveryEnum;
  @Field(() => NotificationDeliveryEnum, { description: 'The delivery until the user chooses one.' })
  defaultDelivery: NotificationDeliveryEnum;
}
