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
  STATUTORY = 'STATUTORY',
}
registerEnumType(ConsentForm, {
  name: 'ConsentForm',
  valuesMap: {
    ORAL_DOCUMENTED: {
      description:
        'Given orally and documented by the case worker, with the reason written form was not possible.',
    },
    STATUTORY: {
      description:
        'Not a consent: the handover rests on the legal basis in `legalBasis`, with the justification as `purpose`; effective once a second case worker approved it. Never accepted by recordConsent.',
    },
  },
});

export enum ConsentStatus {
  ACTIVE = 'ACTIVE',
  WITHDRAWN = 'WITHDRAWN',
  EXPIRED = 'EXPIRED',
  PENDING_APPROVAL = 'PENDING_APPROVAL',
  REJECTED = 'REJECTED',
}
registerEnumType(ConsentStatus, {
  name: 'ConsentStatus',
  valuesMap: {
    WITHDRAWN: {
      description: 'Withdrawn by the client, or (a legal basis) revoked by the owning organisation.',
    },
    PENDING_APPROVAL: {
      description:
        'A legal basis waiting for a second case worker of the owning organisation: grants nothing yet.',
    },
    REJECTED: { description: 'A legal basis the second case worker rejected: it never granted anything.' },
  },
});

/** Why a case was closed (no free text: the reason must not carry personal data). */
export enum CaseClosingReason {
  GOAL_REACHED = 'GOAL_REACHED',
  REFERRED = 'REFERRED',
  MOVED_AWAY = 'MOVED_AWAY',
  NO_CONTACT = 'NO_CONTACT',
  CLIENT_REQUEST = 'CLIENT_REQUEST',
  OTHER = 'OTHER',
}
registerEnumType(CaseClosingReason, { name: 'CaseClosingReason' });

/** Why the receiving organisation's access under a handover ended. */
export enum HandoverAccessEnd {
  CONSENT_WITHDRAWN = 'CONSENT_WITHDRAWN',
  CONSENT_EXPIRED = 'CONSENT_EXPIRED',
  BASIS_REVOKED = 'BASIS_REVOKED',
  BASIS_EXPIRED = 'BASIS_EXPIRED',
  HANDOVER_CANCELLED = 'HANDOVER_CANCELLED',
  HANDOVER_COMPLETED = 'HANDOVER_COMPLETED',
  CASE_ERASED = 'CASE_ERASED',
}
registerEnumType(HandoverAccessEnd, {
  name: 'HandoverAccessEnd',
  valuesMap: {
    HANDOVER_CANCELLED: { description: 'The sending organisation withdrew the handover.' },
    HANDOVER_COMPLETED: { description: 'The receiving organisation completed it and reported its outcome.' },
  },
});

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
  BASIS_APPROVED = 'BASIS_APPROVED',
  BASIS_REJECTED = 'BASIS_REJECTED',
}
registerEnumType(HandoverChange, {
  name: 'HandoverChange',
  valuesMap: {
    CONSENT_WITHDRAWN: { description: "The handover's consent was withdrawn: access under it has ended." },
    BASIS_APPROVED: { description: "A second case worker approved the handover's legal basis." },
    BASIS_REJECTED: {
      description: "A second case worker rejected the handover's legal basis: it is cancelled.",
    },
  },
});
