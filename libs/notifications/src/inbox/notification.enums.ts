import { registerEnumType } from '@nestjs/graphql';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../../core/src/index.js';

export const NotificationKindEnum = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, k])) as {
  [K in NotificationKind]: K;
};
registerEnumType(NotificationKindEnum, {
  name: 'NotificationKind',
  description: 'What a notification is about; each kind has its own e-mail delivery preference.',
});

export enum NotificationDeliveryEnum {
  IMMEDIATE = 'IMMEDIATE',
  DIGEST = 'DIGEST',
  OFF = 'OFF',
}
registerEnumType(NotificationDeliveryEnum, {
  name: 'NotificationDelivery',
  description: 'How the notifications of a kind reach the user by e-mail (in the portal they always do).',
  valuesMap: {
    IMMEDIATE: { description: 'One e-mail per notification, at once.' },
    DIGEST: { description: 'In the daily summary e-mail.' },
    OFF: { description: 'No e-mail; in the portal only.' },
  },
});

export enum NotificationChangeEnum {
  CREATED = 'CREATED',
  READ = 'READ',
  ALL_READ = 'ALL_READ',
}
registerEnumType(NotificationChangeEnum, { name: 'NotificationChange' });

export enum NotificationLanguageEnum {
  de = 'de',
  en = 'en',
}
registerEnumType(NotificationLanguageEnum, { name: 'NotificationLanguage' });
