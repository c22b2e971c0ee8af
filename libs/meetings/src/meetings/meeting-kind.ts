import { MeetingKind } from './meeting.enums.js';

/**
 * The German name of each kind of meeting: one list for the printed minutes, the calendar and the
 * OParl view; the web app's texts say the same (a test compares them).
 */
export const MEETING_KIND_NAME: Record<MeetingKind, string> = {
  PLENARY: 'Plenum',
  STEERING_GROUP: 'Lenkungsgruppe',
  WORKING_GROUP: 'Arbeitsgruppe',
};
