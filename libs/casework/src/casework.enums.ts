import { registerEnumType } from '@nestjs/graphql';

export enum DataCategory {
  IDENTITY = 'IDENTITY',
  CONTACT = 'CONTACT',
  LANGUAGE = 'LANGUAGE',
  RESIDENCE = 'RESIDENCE',
  EDUCATION_EMPLOYMENT = 'EDUCATION_EMPLOYMENT',
  HOUSING = 'HOUSING',
  FAMILY = 'FAMILY',
  HEALTH = 'HEALTH',
}
registerEnumType(DataCategory, {
  name: 'DataCategory',
  description:
    "The categories into which a case's personal data is split; consent and handovers are scoped to them.",
  valuesMap: {
    HEALTH: { description: 'Special category (GDPR Art. 9): shared only with explicit consent naming it.' },
  },
});
export const ALL_CATEGORIES: DataCategory[] = Object.values(DataCategory);

export enum SupportArea {
  LANGUAGE = 'LANGUAGE',
  HOUSING = 'HOUSING',
  RESIDENCE = 'RESIDENCE',
  EMPLOYMENT = 'EMPLOYMENT',
  EDUCATION = 'EDUCATION',
  HEALTH = 'HEALTH',
  FAMILY = 'FAMILY',
  OTHER = 'OTHER',
}
registerEnumType(SupportArea, { name: 'SupportArea' });

export enum CaseStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
  ERASED = 'ERASED',
}
registerEnumType(CaseStatus, {
  name: 'CaseStatus',
  valuesMap: {
    ERASED: { description: 'Personal data erased; only the pseudonymous shell and its history remain.' },
  },
});

export enum CefrLevel {
  NONE = 'NONE',
  A1 = 'A1',
  A2 = 'A2',
  B1 = 'B1',
  B2 = 'B2',
  C1 = 'C1',
  C2 = 'C2',
}
registerEnumType(CefrLevel, { name: 'CefrLevel' });

export enum ConsentForm {
  WRITTEN = 'WRITTEN',
  ELECTRONIC = 'ELECTRONIC',
  ORAL_DOCUMENTED = 'ORAL_DOCUMENTED',
}
registerEnumType(ConsentForm, {
  name: 'ConsentForm',
  valuesMap: {
    ORAL_DOCUMENTED: {
      description:
        'Given orally and documented by the case worker, with the reason written form was not possible.',
    },
  },
});

export enum ConsentStatus {
  ACTIVE = 'ACTIVE',
  WITHDRAWN = 'WITHDRAWN',
  EXPIRED = 'EXPIRED',
}
registerEnumType(ConsentStatus, { name: 'ConsentStatus' });

export enum HandoverStatus {
  REQUESTED = 'REQUESTED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
  COMPLETED = 'COMPLETED',
}
registerEnumType(HandoverStatus, {
  name: 'HandoverStatus',
  valuesMap: {
    CANCELLED: { description: 'Withdrawn by the sending organisation before or after acceptance.' },
    COMPLETED: { description: 'The receiving organisation finished its part and reported back.' },
  },
});

/** What happened to a handover (the `handoverEvents` subscription). */
export enum HandoverChange {
  REQUESTED = 'REQUESTED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  CANCELLED = 'CANCELLED',
  COMPLETED = 'COMPLETED',
  CONSENT_WITHDRAWN = 'CONSENT_WITHDRAWN',
}
registerEnumType(HandoverChange, {
  name: 'HandoverChange',
  valuesMap: {
    CONSENT_WITHDRAWN: { description: "The handover's consent was withdrawn: access under it has ended." },
  },
});
