import { graphql } from '../gql';

export const UnreadNotificationCountQuery = graphql(`
  query UnreadNotificationCount { unreadNotificationCount }
`);

export const NotificationsQuery = graphql(`
  query Notifications($first: Int, $after: String, $unreadOnly: Boolean, $language: NotificationLanguage!) {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id kind allianceId objectType objectId path createdAt readAt
          title(language: $language) text(language: $language) kindLabel(language: $language)
        }
      }
    }
  }
`);

export const MarkNotificationReadMutation = graphql(`
  mutation MarkNotificationRead($id: ID!) { markNotificationRead(id: $id) { id readAt } }
`);

export const MarkAllNotificationsReadMutation = graphql(`
  mutation MarkAllNotificationsRead { markAllNotificationsRead }
`);

export const NotificationEventsSubscription = graphql(`
  subscription NotificationEvents { notificationEvents { change unreadCount notification { id } } }
`);

export const NotificationPreferencesQuery = graphql(`
  query NotificationPreferences($language: NotificationLanguage!) {
    notificationPreferences { kind delivery defaultDelivery label(language: $language) }
  }
`);

export const SetNotificationPreferenceMutation = graphql(`
  mutation SetNotificationPreference($kind: NotificationKind!, $delivery: NotificationDelivery!) {
    setNotificationPreference(kind: $kind, delivery: $delivery) { kind delivery }
  }
`);
