import type { MeetingQuery as MeetingQueryResult } from '../../gql/graphql';

/** The meeting as the meeting room loads it. */
export type Meeting = NonNullable<MeetingQueryResult['meeting']>;

/** One decision of that meeting. */
export type DecisionT = Meeting['decisions'][number];
