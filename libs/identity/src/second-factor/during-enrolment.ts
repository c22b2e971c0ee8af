import { SetMetadata } from '@nestjs/common';

export const DURING_ENROLMENT_KEY = 'buendnisportal:during-enrolment';

/**
 * Operations a session may call before its user has set up a required second factor (reading
 * themselves, the set-up itself); the access guard refuses every other with SECOND_FACTOR_REQUIRED.
 */
export const DuringEnrolment = () => SetMetadata(DURING_ENROLMENT_KEY, true);
