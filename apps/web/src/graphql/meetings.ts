import { graphql } from '../gql';

// Planning and the record of meetings beyond the room's own query (ops.ts): invitations, the
// approval of minutes as an agenda item, and amendments of final decisions.
export const UpdateMeetingInviteesMutation = graphql(`
  mutation UpdateMeetingInvitees($id: ID!, $invitedPartnerIds: [ID!]) {
    updateMeeting(id: $id, input: { invitedPartnerIds: $invitedPartnerIds }) { id }
  }
`);
/** Meetings by status (adjourned ones with draft minutes; running or adjourned ones for amendments). */
export const MeetingsByStatusQuery = graphql(`
  query MeetingsByStatus($allianceId: ID!, $status: [MeetingStatus!]) {
    meetings(allianceId: $allianceId, status: $status) {
      id title startsAt status facilitator { id } minutes { status }
    }
  }
`);
export const AmendDecisionMutation = graphql(`
  mutation AmendDecision($input: AmendDecisionInput!) { amendDecision(input: $input) { id number meeting { id } } }
`);
