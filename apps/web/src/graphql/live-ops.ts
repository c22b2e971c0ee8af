import { graphql } from '../gql';

/** Live changes of one meeting; the room reads the meeting again on each. */
export const MeetingEventsSubscription = graphql(`
  subscription MeetingEvents($meetingId: ID!) { meetingEvents(meetingId: $meetingId) { change meeting { id status } } }
`);

/** Handovers to and from the caller's organisation (ids only); inbox and case page read again. */
export const HandoverEventsSubscription = graphql(`
  subscription HandoverEvents { handoverEvents { change handoverId caseId } }
`);

/** The signed-in user's new notifications; the meetings list reads again on one about a meeting. */
export const MeetingNotificationEventsSubscription = graphql(`
  subscription MeetingNotificationEvents { notificationEvents { change notification { id objectType objectId } } }
`);
