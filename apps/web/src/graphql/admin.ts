import { graphql } from '../gql';

// ───── platform administration ─────
export const PlatformQuery = graphql(`
  query Platform {
    alliances { id name municipality description quorumShare }
    organisations { id name shortName kind legalDomains }
  }
`);
export const CreateAllianceMutation = graphql(`
  mutation CreateAlliance($input: CreateAllianceInput!) { createAlliance(input: $input) { id name municipality description } }
`);
export const UpdateAllianceMutation = graphql(`
  mutation UpdateAlliance($id: ID!, $input: UpdateAllianceInput!) { updateAlliance(id: $id, input: $input) { id name description quorumShare } }
`);
export const CreateOrganisationMutation = graphql(`
  mutation CreateOrganisation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id name shortName kind legalDomains } }
`);
export const UpdateOrganisationMutation = graphql(`
  mutation UpdateOrganisation($id: ID!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $input) { id name shortName kind legalDomains } }
`);

// ───── alliance administration ─────
export const AdminNavQuery = graphql(`
  query AdminNav($id: ID!) { alliance(id: $id) { id viewerPermissions { manageMembers managePartners updateSettings setPublicRecord } } }
`);
export const AllianceAdminQuery = graphql(`
  query AllianceAdmin($id: ID!) {
    alliance(id: $id) {
      id name municipality description quorumShare
      viewerPermissions { updateSettings setPublicRecord managePartners manageMembers }
      publicRecord { published contactEmail fundingPeriodStart fundingPeriodEnd oparlUrl }
      partners { id status joinedOn leftOn organisation { id name shortName kind } }
      members { id roles user { id displayName email deactivatedAt totpEnabledAt platformAdmin organisation { id name } } }
    }
    organisations { id name shortName }
  }
`);
export const InvitationsQuery = graphql(`
  query Invitations($allianceId: ID!) {
    invitations(allianceId: $allianceId) { id email displayName roles status expiresAt sentCount organisation { id name } }
  }
`);
export const SetPublicRecordMutation = graphql(`
  mutation SetPublicRecord($input: SetAlliancePublicRecordInput!) {
    setAlliancePublicRecord(input: $input) { id publicRecord { published contactEmail fundingPeriodStart fundingPeriodEnd oparlUrl } }
  }
`);
export const AddPartnerMutation = graphql(`
  mutation AddPartner($input: AddPartnerInput!) { addPartner(input: $input) { id status joinedOn leftOn } }
`);
export const UpdatePartnerMutation = graphql(`
  mutation UpdatePartner($id: ID!, $input: UpdatePartnerInput!) { updatePartner(id: $id, input: $input) { id status joinedOn leftOn } }
`);
export const InviteUserMutation = graphql(`
  mutation InviteUser($input: InviteUserInput!) { inviteUser(input: $input) { id email status } }
`);
export const ResendInvitationMutation = graphql(`
  mutation ResendInvitation($id: ID!) { resendInvitation(id: $id) { id status sentCount expiresAt } }
`);
export const RevokeInvitationMutation = graphql(`
  mutation RevokeInvitation($id: ID!) { revokeInvitation(id: $id) { id status } }
`);
export const SetMembershipMutation = graphql(`
  mutation SetMembership($input: SetMembershipInput!) { setMembership(input: $input) { id roles } }
`);
export const DeactivateUserMutation = graphql(`
  mutation DeactivateUser($id: ID!) { deactivateUser(id: $id) { id deactivatedAt } }
`);
export const ReactivateUserMutation = graphql(`
  mutation ReactivateUser($id: ID!) { reactivateUser(id: $id) { id deactivatedAt } }
`);
export const ResetSecondFactorMutation = graphql(`
  mutation ResetSecondFactor($userId: ID!) { resetSecondFactor(userId: $userId) { id totpEnabledAt } }
`);
export const MeetingPublicationQuery = graphql(`
  query MeetingPublication($allianceId: ID!) { meetings(allianceId: $allianceId) { id title startsAt status public viewerMaySetPublic } }
`);
export const SetMeetingPublicMutation = graphql(`
  mutation SetMeetingPublic($meetingId: ID!, $public: Boolean!) { setMeetingPublic(meetingId: $meetingId, public: $public) { id public } }
`);

// ───── own account ─────
export const MyAccountQuery = graphql(`
  query MyAccount { me { id email displayName totpEnabledAt } sessions { id device createdAt lastUsedAt expiresAt current } }
`);
export const RevokeSessionMutation = graphql(`
  mutation RevokeSession($id: ID!) { revokeSession(id: $id) }
`);
export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) { changePassword(currentPassword: $currentPassword, newPassword: $newPassword) }
`);
export const ResetOwnSecondFactorMutation = graphql(`
  mutation ResetOwnSecondFactor($code: String!) { resetOwnSecondFactor(code: $code) }
`);
