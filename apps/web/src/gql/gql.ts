/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Platform {\n    alliances { id name municipality description quorumShare }\n    organisations { id name shortName kind legalDomains }\n  }\n": typeof types.PlatformDocument,
    "\n  mutation CreateAlliance($input: CreateAllianceInput!) { createAlliance(input: $input) { id name municipality description } }\n": typeof types.CreateAllianceDocument,
    "\n  mutation UpdateAlliance($id: ID!, $input: UpdateAllianceInput!) { updateAlliance(id: $id, input: $input) { id name description quorumShare } }\n": typeof types.UpdateAllianceDocument,
    "\n  mutation CreateOrganisation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id name shortName kind legalDomains } }\n": typeof types.CreateOrganisationDocument,
    "\n  mutation UpdateOrganisation($id: ID!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $input) { id name shortName kind legalDomains } }\n": typeof types.UpdateOrganisationDocument,
    "\n  query AdminNav($id: ID!) { alliance(id: $id) { id viewerPermissions { manageMembers managePartners updateSettings setPublicRecord } } }\n": typeof types.AdminNavDocument,
    "\n  query AllianceAdmin($id: ID!) {\n    alliance(id: $id) {\n      id name municipality description quorumShare\n      viewerPermissions { updateSettings setPublicRecord managePartners manageMembers }\n      publicRecord { published contactEmail fundingPeriodStart fundingPeriodEnd oparlUrl }\n      partners { id status joinedOn leftOn organisation { id name shortName kind } }\n      members { id roles user { id displayName email deactivatedAt totpEnabledAt platformAdmin organisation { id name } } }\n    }\n    organisations { id name shortName }\n  }\n": typeof types.AllianceAdminDocument,
    "\n  query Invitations($allianceId: ID!) {\n    invitations(allianceId: $allianceId) { id email displayName roles status expiresAt sentCount organisation { id name } }\n  }\n": typeof types.InvitationsDocument,
    "\n  mutation SetPublicRecord($input: SetAlliancePublicRecordInput!) {\n    setAlliancePublicRecord(input: $input) { id publicRecord { published contactEmail fundingPeriodStart fundingPeriodEnd oparlUrl } }\n  }\n": typeof types.SetPublicRecordDocument,
    "\n  mutation AddPartner($input: AddPartnerInput!) { addPartner(input: $input) { id status joinedOn leftOn } }\n": typeof types.AddPartnerDocument,
    "\n  mutation UpdatePartner($id: ID!, $input: UpdatePartnerInput!) { updatePartner(id: $id, input: $input) { id status joinedOn leftOn } }\n": typeof types.UpdatePartnerDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) { inviteUser(input: $input) { id email status } }\n": typeof types.InviteUserDocument,
    "\n  mutation ResendInvitation($id: ID!) { resendInvitation(id: $id) { id status sentCount expiresAt } }\n": typeof types.ResendInvitationDocument,
    "\n  mutation RevokeInvitation($id: ID!) { revokeInvitation(id: $id) { id status } }\n": typeof types.RevokeInvitationDocument,
    "\n  mutation SetMembership($input: SetMembershipInput!) { setMembership(input: $input) { id roles } }\n": typeof types.SetMembershipDocument,
    "\n  mutation DeactivateUser($id: ID!) { deactivateUser(id: $id) { id deactivatedAt } }\n": typeof types.DeactivateUserDocument,
    "\n  mutation ReactivateUser($id: ID!) { reactivateUser(id: $id) { id deactivatedAt } }\n": typeof types.ReactivateUserDocument,
    "\n  mutation ResetSecondFactor($userId: ID!) { resetSecondFactor(userId: $userId) { id totpEnabledAt } }\n": typeof types.ResetSecondFactorDocument,
    "\n  query MeetingPublication($allianceId: ID!) { meetings(allianceId: $allianceId) { id title startsAt status public viewerMaySetPublic } }\n": typeof types.MeetingPublicationDocument,
    "\n  mutation SetMeetingPublic($meetingId: ID!, $public: Boolean!) { setMeetingPublic(meetingId: $meetingId, public: $public) { id public } }\n": typeof types.SetMeetingPublicDocument,
    "\n  query MyAccount { me { id email displayName totpEnabledAt } sessions { id device createdAt lastUsedAt expiresAt current } }\n": typeof types.MyAccountDocument,
    "\n  mutation RevokeSession($id: ID!) { revokeSession(id: $id) }\n": typeof types.RevokeSessionDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) { changePassword(currentPassword: $currentPassword, newPassword: $newPassword) }\n": typeof types.ChangePasswordDocument,
    "\n  mutation ResetOwnSecondFactor($code: String!) { resetOwnSecondFactor(code: $code) }\n": typeof types.ResetOwnSecondFactorDocument,
    "\n  query LegalBases { legalBases { code citation titleDe titleEn permitsHealth } }\n": typeof types.LegalBasesDocument,
    "\n  mutation RequestStatutoryHandover($input: RequestHandoverInput!) {\n    requestHandover(input: $input) { id status awaitingApproval }\n  }\n": typeof types.RequestStatutoryHandoverDocument,
    "\n  mutation ApproveHandoverBasis($id: ID!) { approveHandoverBasis(id: $id) { id status awaitingApproval } }\n": typeof types.ApproveHandoverBasisDocument,
    "\n  mutation RejectHandoverBasis($id: ID!, $reason: String!) { rejectHandoverBasis(id: $id, reason: $reason) { id status } }\n": typeof types.RejectHandoverBasisDocument,
    "\n  mutation UpdateCaseData($input: UpdateCaseDataInput!) { updateCaseData(input: $input) { id version } }\n": typeof types.UpdateCaseDataDocument,
    "\n  mutation CloseCase($id: ID!, $reason: CaseClosingReason) { closeCase(id: $id, reason: $reason) { id status } }\n": typeof types.CloseCaseDocument,
    "\n  mutation ReopenCase($id: ID!) { reopenCase(id: $id) { id status } }\n": typeof types.ReopenCaseDocument,
    "\n  mutation EraseCase($id: ID!) { eraseCase(id: $id) { id status } }\n": typeof types.EraseCaseDocument,
    "\n  query PossibleDuplicateCases($familyName: String!, $dateOfBirth: Date!) {\n    possibleDuplicateCases(familyName: $familyName, dateOfBirth: $dateOfBirth) { id reference openedAt }\n  }\n": typeof types.PossibleDuplicateCasesDocument,
    "\n  query MyContact { me { id email phone } }\n": typeof types.MyContactDocument,
    "\n  mutation UpdateMyContact($phone: String) { updateMyContact(phone: $phone) { id phone } }\n": typeof types.UpdateMyContactDocument,
    "\n  query ConsentPaper($id: ID!) {\n    case(id: $id) {\n      id\n      consents {\n        id\n        sheetLanguages { code name germanName rightToLeft }\n        evidence { mediaType byteSize uploadedAt uploadedBy { id displayName } }\n      }\n    }\n  }\n": typeof types.ConsentPaperDocument,
    "\n  subscription MeetingEvents($meetingId: ID!) { meetingEvents(meetingId: $meetingId) { change meeting { id status } } }\n": typeof types.MeetingEventsDocument,
    "\n  subscription HandoverEvents { handoverEvents { change handoverId caseId } }\n": typeof types.HandoverEventsDocument,
    "\n  subscription MeetingNotificationEvents { notificationEvents { change notification { id objectType objectId } } }\n": typeof types.MeetingNotificationEventsDocument,
    "\n  mutation UpdateMeetingInvitees($id: ID!, $invitedPartnerIds: [ID!]) {\n    updateMeeting(id: $id, input: { invitedPartnerIds: $invitedPartnerIds }) { id }\n  }\n": typeof types.UpdateMeetingInviteesDocument,
    "\n  query MeetingsByStatus($allianceId: ID!, $status: [MeetingStatus!]) {\n    meetings(allianceId: $allianceId, status: $status) {\n      id title startsAt status facilitator { id } minutes { status }\n    }\n  }\n": typeof types.MeetingsByStatusDocument,
    "\n  mutation AmendDecision($input: AmendDecisionInput!) { amendDecision(input: $input) { id number meeting { id } } }\n": typeof types.AmendDecisionDocument,
    "\n  query UnreadNotificationCount { unreadNotificationCount }\n": typeof types.UnreadNotificationCountDocument,
    "\n  query Notifications($first: Int, $after: String, $unreadOnly: Boolean, $language: NotificationLanguage!) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id kind allianceId objectType objectId path createdAt readAt\n          title(language: $language) text(language: $language) kindLabel(language: $language)\n        }\n      }\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  mutation MarkNotificationRead($id: ID!) { markNotificationRead(id: $id) { id readAt } }\n": typeof types.MarkNotificationReadDocument,
    "\n  mutation MarkAllNotificationsRead { markAllNotificationsRead }\n": typeof types.MarkAllNotificationsReadDocument,
    "\n  subscription NotificationEvents { notificationEvents { change unreadCount notification { id } } }\n": typeof types.NotificationEventsDocument,
    "\n  query NotificationPreferences($language: NotificationLanguage!) {\n    notificationPreferences { kind delivery defaultDelivery label(language: $language) }\n  }\n": typeof types.NotificationPreferencesDocument,
    "\n  mutation SetNotificationPreference($kind: NotificationKind!, $delivery: NotificationDelivery!) {\n    setNotificationPreference(kind: $kind, delivery: $delivery) { kind delivery }\n  }\n": typeof types.SetNotificationPreferenceDocument,
    "\n  fragment SessionFields on AuthPayload { accessToken accessTokenExpiresAt sessionExpiresAt secondFactorEnrolmentRequired idleTimeoutSeconds }\n": typeof types.SessionFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      id\n      displayName\n      email\n      platformAdmin\n      organisation { id name shortName }\n      memberships { id roles alliance { id name municipality } }\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation Login($email: String!, $password: String!, $code: String) { login(email: $email, password: $password, code: $code) { ...SessionFields } }\n": typeof types.LoginDocument,
    "\n  mutation Refresh { refreshSession { ...SessionFields } }\n": typeof types.RefreshDocument,
    "\n  mutation Logout { logout }\n": typeof types.LogoutDocument,
    "\n  mutation AcceptInvitation($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) { ...SessionFields } }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) { resetPassword(token: $token, newPassword: $newPassword) }\n": typeof types.ResetPasswordDocument,
    "\n  mutation BeginSecondFactor { beginSecondFactorEnrolment { secret otpauthUri qrCodeDataUrl } }\n": typeof types.BeginSecondFactorDocument,
    "\n  mutation ConfirmSecondFactor($code: String!) { confirmSecondFactor(code: $code) }\n": typeof types.ConfirmSecondFactorDocument,
    "\n  query MailOutbox($after: String) {\n    mailOutbox(first: 50, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id recipient subject text status attempts lastError createdAt sentAt } }\n    }\n  }\n": typeof types.MailOutboxDocument,
    "\n  query Alliance($id: ID!) {\n    alliance(id: $id) {\n      id\n      name\n      municipality\n      description\n      quorumShare\n      partners { id status joinedOn organisation { id name shortName kind legalDomains } }\n      members { id roles user { id displayName organisation { id } } }\n    }\n  }\n": typeof types.AllianceDocument,
    "\n  query Network($allianceId: ID!) {\n    tasks(allianceId: $allianceId, first: 100) {\n      totalCount\n      edges { node { id leadPartner { id } contributingPartners { id } } }\n    }\n  }\n": typeof types.NetworkDocument,
    "\n  query HandoverLinks { handovers { id from { id } to { id } } }\n": typeof types.HandoverLinksDocument,
    "\n  query Dashboard($allianceId: ID!, $from: DateTime!) {\n    myTasks(first: 50) { edges { node { id title status priority dueOn leadPartner { id organisation { shortName name } } } } }\n    meetings(allianceId: $allianceId, from: $from, status: [SCHEDULED, IN_PROGRESS]) { id title kind status startsAt location }\n    alliance(id: $allianceId) {\n      id\n      goals(status: ACTIVE) {\n        id\n        title\n        taskProgress\n        indicators { id name unit baseline target current measurements { id value observedOn } }\n      }\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  query IncomingHandovers {\n    handovers(incoming: true, status: [REQUESTED]) {\n      id categories message requestedAt status\n      case { id reference }\n      from { id name shortName }\n    }\n  }\n": typeof types.IncomingHandoversDocument,
    "\n  query Goals($allianceId: ID!) {\n    alliance(id: $allianceId) {\n      id\n      goals {\n        id\n        title\n        description\n        status\n        startsOn\n        dueOn\n        taskProgress\n        parent { id }\n        ownerPartners { id organisation { shortName name } }\n        indicators { id name unit baseline target current measurements { id value observedOn note } }\n      }\n    }\n  }\n": typeof types.GoalsDocument,
    "\n  mutation CreateGoal($input: CreateGoalInput!) { createGoal(input: $input) { id } }\n": typeof types.CreateGoalDocument,
    "\n  mutation AddIndicator($input: AddIndicatorInput!) { addIndicator(input: $input) { id } }\n": typeof types.AddIndicatorDocument,
    "\n  mutation RecordMeasurement($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id value observedOn } }\n": typeof types.RecordMeasurementDocument,
    "\n  fragment TaskCardFields on Task {\n    id title status priority dueOn version updatedAt\n    leadPartner { id organisation { id shortName name } }\n    contributingPartners { id organisation { id shortName name } }\n    assignee { id displayName }\n    goal { id title }\n    viewerCan { update changeStatus comment addDependency }\n  }\n": typeof types.TaskCardFieldsFragmentDoc,
    "\n  query Tasks($allianceId: ID!, $filter: TaskFilter, $first: Int, $after: String) {\n    tasks(allianceId: $allianceId, filter: $filter, first: $first, after: $after, orderBy: DUE_ON) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...TaskCardFields } }\n    }\n  }\n": typeof types.TasksDocument,
    "\n  query TaskGoals($allianceId: ID!) { alliance(id: $allianceId) { id goals { id title status } } }\n": typeof types.TaskGoalsDocument,
    "\n  query TaskPermissions($allianceId: ID!) {\n    alliance(id: $allianceId) { id taskPermissions { createTask ownOrganisationTakesPart } }\n  }\n": typeof types.TaskPermissionsDocument,
    "\n  query CaseworkPermissions { caseworkPermissions { openCase } }\n": typeof types.CaseworkPermissionsDocument,
    "\n  subscription TaskEvents($allianceId: ID!) { taskEvents(allianceId: $allianceId) { change task { id title } } }\n": typeof types.TaskEventsDocument,
    "\n  mutation CreateTask($input: CreateTaskInput!) { createTask(input: $input) { id title } }\n": typeof types.CreateTaskDocument,
    "\n  query Task($id: ID!) {\n    task(id: $id) {\n      ...TaskCardFields\n      description\n      createdAt\n      completedAt\n      goal { id title }\n      decision { id number title }\n      blockedBy { id title status }\n      blocking { id title status }\n      comments { id body createdAt author { id displayName } }\n      alliance { id }\n    }\n  }\n": typeof types.TaskDocument,
    "\n  mutation UpdateTask($id: ID!, $input: UpdateTaskInput!) { updateTask(id: $id, input: $input) { ...TaskCardFields } }\n": typeof types.UpdateTaskDocument,
    "\n  mutation Comment($taskId: ID!, $body: String!) { commentOnTask(taskId: $taskId, body: $body) { id } }\n": typeof types.CommentDocument,
    "\n  mutation AddDependency($taskId: ID!, $blockedById: ID!) { addTaskDependency(taskId: $taskId, blockedById: $blockedById) { id } }\n": typeof types.AddDependencyDocument,
    "\n  mutation RemoveDependency($taskId: ID!, $blockedById: ID!) { removeTaskDependency(taskId: $taskId, blockedById: $blockedById) { id } }\n": typeof types.RemoveDependencyDocument,
    "\n  query Meetings($allianceId: ID!) {\n    meetings(allianceId: $allianceId) { id title kind status startsAt endsAt location facilitator { id displayName } }\n    calendarFeed { url }\n  }\n": typeof types.MeetingsDocument,
    "\n  mutation ScheduleMeeting($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }\n": typeof types.ScheduleMeetingDocument,
    "\n  mutation RotateCalendarFeed { rotateCalendarFeed { url } }\n": typeof types.RotateCalendarFeedDocument,
    "\n  query Meeting($id: ID!) {\n    meeting(id: $id) {\n      id title kind status startsAt endsAt location quorate\n      alliance { id quorumShare }\n      facilitator { id displayName }\n      invitedPartners { id organisation { id name shortName } }\n      agenda {\n        id position title description durationMinutes presenter { id organisation { shortName } }\n        approvesMinutesOf { id title startsAt status }\n      }\n      attendance { status partner { id } attendees { id displayName } }\n      decisions {\n        id number title text outcome votesFor votesAgainst abstentions consensus\n        agendaItem { id position }\n        followUpTasks { id title leadPartner { organisation { shortName } } }\n        amends { id number }\n        amendedBy { id number }\n      }\n      minutes {\n        text status approvedAt approvedBy { displayName } savedBy { displayName }\n        approvalDecision { id number meeting { id title } }\n      }\n    }\n  }\n": typeof types.MeetingDocument,
    "mutation StartMeeting($id: ID!) { startMeeting(id: $id) { id status } }": typeof types.StartMeetingDocument,
    "\n  mutation CancelMeeting($id: ID!, $reason: String) { cancelMeeting(id: $id, reason: $reason) { id status } }\n": typeof types.CancelMeetingDocument,
    "mutation AdjournMeeting($id: ID!) { adjournMeeting(id: $id) { id status } }": typeof types.AdjournMeetingDocument,
    "\n  mutation AddAgendaItem($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }\n": typeof types.AddAgendaItemDocument,
    "\n  mutation RecordAttendance($input: RecordAttendanceInput!) { recordAttendance(input: $input) { status } }\n": typeof types.RecordAttendanceDocument,
    "\n  mutation RecordDecision($input: RecordDecisionInput!) { recordDecision(input: $input) { id number } }\n": typeof types.RecordDecisionDocument,
    "\n  mutation CorrectDecision($id: ID!, $input: CorrectDecisionInput!) { correctDecision(id: $id, input: $input) { id title text outcome } }\n": typeof types.CorrectDecisionDocument,
    "\n  mutation SaveMinutes($meetingId: ID!, $text: String!) { saveMinutes(meetingId: $meetingId, text: $text) { status } }\n": typeof types.SaveMinutesDocument,
    "\n  mutation ApproveMinutes($meetingId: ID!) { approveMinutes(meetingId: $meetingId) { status approvedAt } }\n": typeof types.ApproveMinutesDocument,
    "\n  query Cases($filter: CaseFilter) {\n    cases(filter: $filter, first: 100) {\n      totalCount\n      edges { node { id reference status supportAreas openedAt owner { id name shortName } caseWorker { id displayName } } }\n    }\n  }\n": typeof types.CasesDocument,
    "\n  mutation OpenCase($input: OpenCaseInput!) { openCase(input: $input) { id reference } }\n": typeof types.OpenCaseDocument,
    "\n  query Case($id: ID!) {\n    case(id: $id) {\n      id reference status supportAreas openedAt closedAt visibleCategories version closingReason\n      possibleDuplicates { id reference }\n      owner { id name shortName }\n      caseWorker { id displayName }\n      identity { givenName familyName dateOfBirth }\n      contact { phone email address }\n      language { germanLevel otherLanguages note }\n      residence { status permitValidUntil note }\n      educationEmployment { qualifications recognitionStatus jobWishes note }\n      housing { situation note }\n      family { householdSize childrenCount note }\n      health { note }\n      consents {\n        id categories purpose form evidenceReference informedInLanguage interpreterUsed validFrom validUntil status withdrawnAt recordedAt\n        recipients { id name shortName }\n        legalBasis { code citation }\n        approvedBy { id displayName }\n      }\n      handovers {\n        id categories message status requestedAt respondedAt declineReason outcome accessActive\n        accessEndedAt accessEndReason completedAt cancelReason awaitingApproval viewerCanDecideBasis\n        legalBasis { code citation }\n        completedBy { id displayName }\n        requestedBy { id displayName email phone organisation { id name } }\n        from { id name shortName }\n        to { id name shortName }\n        consent { id status withdrawalNote }\n      }\n    }\n  }\n": typeof types.CaseDocument,
    "\n  query Disclosures($caseId: ID!) {\n    disclosures(caseId: $caseId, first: 100) {\n      totalCount\n      edges { node { id at categories reader { id displayName } organisation { id name shortName } } }\n    }\n  }\n": typeof types.DisclosuresDocument,
    "\n  mutation RecordConsent($input: RecordConsentInput!) { recordConsent(input: $input) { id } }\n": typeof types.RecordConsentDocument,
    "\n  mutation WithdrawConsent($id: ID!, $note: String) { withdrawConsent(id: $id, note: $note) { id status } }\n": typeof types.WithdrawConsentDocument,
    "\n  mutation RequestHandover($input: RequestHandoverInput!) { requestHandover(input: $input) { id status } }\n": typeof types.RequestHandoverDocument,
    "mutation AcceptHandover($id: ID!) { acceptHandover(id: $id) { id status } }": typeof types.AcceptHandoverDocument,
    "\n  mutation DeclineHandover($id: ID!, $reason: String!) { declineHandover(id: $id, reason: $reason) { id status } }\n": typeof types.DeclineHandoverDocument,
    "\n  mutation CancelHandover($id: ID!, $reason: String) { cancelHandover(id: $id, reason: $reason) { id status } }\n": typeof types.CancelHandoverDocument,
    "\n  mutation CompleteHandover($id: ID!, $outcome: String!) { completeHandover(id: $id, outcome: $outcome) { id status } }\n": typeof types.CompleteHandoverDocument,
    "\n  fragment ReportCaseworkFigures on CaseworkFigures {\n    label\n    from\n    to\n    cases { area opened { value suppressed display } closed { value suppressed display } erased { value suppressed display } }\n    handovers {\n      fromOrganisationId\n      fromOrganisationName\n      toOrganisationId\n      toOrganisationName\n      requested { value suppressed display }\n      accepted { value suppressed display }\n      declined { value suppressed display }\n      completed { value suppressed display }\n      medianHoursToAccept\n    }\n    consentsByForm { form recorded { value suppressed display } withdrawn { value suppressed display } }\n    consentsByLanguage { language recorded { value suppressed display } }\n    consentsByInterpreter { interpreterUsed recorded { value suppressed display } }\n  }\n": typeof types.ReportCaseworkFiguresFragmentDoc,
    "\n  query AllianceReport($allianceId: ID!, $from: Date!, $to: Date!) {\n    allianceReport(allianceId: $allianceId, from: $from, to: $to) {\n      allianceId\n      allianceName\n      from\n      to\n      goals {\n        goalId\n        title\n        indicators {\n          indicatorId\n          name\n          unit\n          baseline\n          target\n          latestValue\n          progress\n          measurements { observedOn value }\n        }\n      }\n      tasksByPartner {\n        partnerId\n        organisationName\n        asLead { created done overdue cancelled }\n        asContributor { created done overdue cancelled }\n      }\n      tasksByGoal { goalId goalTitle counts { created done overdue cancelled } }\n      taskTotals { created done overdue cancelled }\n      meetings { meetingId title kind startsAt invitedPartners presentPartners quorumReached }\n      attendance { partnerId organisationName invited present rate }\n      decisions { decisionId number title outcome followUpTasks { title status } }\n      casework {\n        minimumCount\n        unpublishedQuarters\n        quarters { ...ReportCaseworkFigures }\n        total { ...ReportCaseworkFigures }\n      }\n      ownOrganisationCasework {\n        total { ...ReportCaseworkFigures }\n      }\n    }\n  }\n": typeof types.AllianceReportDocument,
    "\n  query SignInOptions { signInOptions { password identityProvider { displayName startUrl } } }\n": typeof types.SignInOptionsDocument,
    "\n  mutation CompleteSignIn($code: String!) { completeSignIn(code: $code) { ...SessionFields } }\n": typeof types.CompleteSignInDocument,
};
const documents: Documents = {
    "\n  query Platform {\n    alliances { id name municipality description quorumShare }\n    organisations { id name shortName kind legalDomains }\n  }\n": types.PlatformDocument,
    "\n  mutation CreateAlliance($input: CreateAllianceInput!) { createAlliance(input: $input) { id name municipality description } }\n": types.CreateAllianceDocument,
    "\n  mutation UpdateAlliance($id: ID!, $input: UpdateAllianceInput!) { updateAlliance(id: $id, input: $input) { id name description quorumShare } }\n": types.UpdateAllianceDocument,
    "\n  mutation CreateOrganisation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id name shortName kind legalDomains } }\n": types.CreateOrganisationDocument,
    "\n  mutation UpdateOrganisation($id: ID!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $input) { id name shortName kind legalDomains } }\n": types.UpdateOrganisationDocument,
    "\n  query AdminNav($id: ID!) { alliance(id: $id) { id viewerPermissions { manageMembers managePartners updateSettings setPublicRecord } } }\n": types.AdminNavDocument,
    "\n  query AllianceAdmin($id: ID!) {\n    alliance(id: $id) {\n      id name municipality description quorumShare\n      viewerPermissions { updateSettings setPublicRecord managePartners manageMembers }\n      publicRecord { published contactEmail fundingPeriodStart fundingPeriodEnd oparlUrl }\n      partners { id status joinedOn leftOn organisation { id name shortName kind } }\n      members { id roles user { id displayName email deactivatedAt totpEnabledAt platformAdmin organisation { id name } } }\n    }\n    organisations { id name shortName }\n  }\n": types.AllianceAdminDocument,
    "\n  query Invitations($allianceId: ID!) {\n    invitations(allianceId: $allianceId) { id email displayName roles status expiresAt sentCount organisation { id name } }\n  }\n": types.InvitationsDocument,
    "\n  mutation SetPublicRecord($input: SetAlliancePublicRecordInput!) {\n    setAlliancePublicRecord(input: $input) { id publicRecord { published contactEmail fundingPeriodStart fundingPeriodEnd oparlUrl } }\n  }\n": types.SetPublicRecordDocument,
    "\n  mutation AddPartner($input: AddPartnerInput!) { addPartner(input: $input) { id status joinedOn leftOn } }\n": types.AddPartnerDocument,
    "\n  mutation UpdatePartner($id: ID!, $input: UpdatePartnerInput!) { updatePartner(id: $id, input: $input) { id status joinedOn leftOn } }\n": types.UpdatePartnerDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) { inviteUser(input: $input) { id email status } }\n": types.InviteUserDocument,
    "\n  mutation ResendInvitation($id: ID!) { resendInvitation(id: $id) { id status sentCount expiresAt } }\n": types.ResendInvitationDocument,
    "\n  mutation RevokeInvitation($id: ID!) { revokeInvitation(id: $id) { id status } }\n": types.RevokeInvitationDocument,
    "\n  mutation SetMembership($input: SetMembershipInput!) { setMembership(input: $input) { id roles } }\n": types.SetMembershipDocument,
    "\n  mutation DeactivateUser($id: ID!) { deactivateUser(id: $id) { id deactivatedAt } }\n": types.DeactivateUserDocument,
    "\n  mutation ReactivateUser($id: ID!) { reactivateUser(id: $id) { id deactivatedAt } }\n": types.ReactivateUserDocument,
    "\n  mutation ResetSecondFactor($userId: ID!) { resetSecondFactor(userId: $userId) { id totpEnabledAt } }\n": types.ResetSecondFactorDocument,
    "\n  query MeetingPublication($allianceId: ID!) { meetings(allianceId: $allianceId) { id title startsAt status public viewerMaySetPublic } }\n": types.MeetingPublicationDocument,
    "\n  mutation SetMeetingPublic($meetingId: ID!, $public: Boolean!) { setMeetingPublic(meetingId: $meetingId, public: $public) { id public } }\n": types.SetMeetingPublicDocument,
    "\n  query MyAccount { me { id email displayName totpEnabledAt } sessions { id device createdAt lastUsedAt expiresAt current } }\n": types.MyAccountDocument,
    "\n  mutation RevokeSession($id: ID!) { revokeSession(id: $id) }\n": types.RevokeSessionDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) { changePassword(currentPassword: $currentPassword, newPassword: $newPassword) }\n": types.ChangePasswordDocument,
    "\n  mutation ResetOwnSecondFactor($code: String!) { resetOwnSecondFactor(code: $code) }\n": types.ResetOwnSecondFactorDocument,
    "\n  query LegalBases { legalBases { code citation titleDe titleEn permitsHealth } }\n": types.LegalBasesDocument,
    "\n  mutation RequestStatutoryHandover($input: RequestHandoverInput!) {\n    requestHandover(input: $input) { id status awaitingApproval }\n  }\n": types.RequestStatutoryHandoverDocument,
    "\n  mutation ApproveHandoverBasis($id: ID!) { approveHandoverBasis(id: $id) { id status awaitingApproval } }\n": types.ApproveHandoverBasisDocument,
    "\n  mutation RejectHandoverBasis($id: ID!, $reason: String!) { rejectHandoverBasis(id: $id, reason: $reason) { id status } }\n": types.RejectHandoverBasisDocument,
    "\n  mutation UpdateCaseData($input: UpdateCaseDataInput!) { updateCaseData(input: $input) { id version } }\n": types.UpdateCaseDataDocument,
    "\n  mutation CloseCase($id: ID!, $reason: CaseClosingReason) { closeCase(id: $id, reason: $reason) { id status } }\n": types.CloseCaseDocument,
    "\n  mutation ReopenCase($id: ID!) { reopenCase(id: $id) { id status } }\n": types.ReopenCaseDocument,
    "\n  mutation EraseCase($id: ID!) { eraseCase(id: $id) { id status } }\n": types.EraseCaseDocument,
    "\n  query PossibleDuplicateCases($familyName: String!, $dateOfBirth: Date!) {\n    possibleDuplicateCases(familyName: $familyName, dateOfBirth: $dateOfBirth) { id reference openedAt }\n  }\n": types.PossibleDuplicateCasesDocument,
    "\n  query MyContact { me { id email phone } }\n": types.MyContactDocument,
    "\n  mutation UpdateMyContact($phone: String) { updateMyContact(phone: $phone) { id phone } }\n": types.UpdateMyContactDocument,
    "\n  query ConsentPaper($id: ID!) {\n    case(id: $id) {\n      id\n      consents {\n        id\n        sheetLanguages { code name germanName rightToLeft }\n        evidence { mediaType byteSize uploadedAt uploadedBy { id displayName } }\n      }\n    }\n  }\n": types.ConsentPaperDocument,
    "\n  subscription MeetingEvents($meetingId: ID!) { meetingEvents(meetingId: $meetingId) { change meeting { id status } } }\n": types.MeetingEventsDocument,
    "\n  subscription HandoverEvents { handoverEvents { change handoverId caseId } }\n": types.HandoverEventsDocument,
    "\n  subscription MeetingNotificationEvents { notificationEvents { change notification { id objectType objectId } } }\n": types.MeetingNotificationEventsDocument,
    "\n  mutation UpdateMeetingInvitees($id: ID!, $invitedPartnerIds: [ID!]) {\n    updateMeeting(id: $id, input: { invitedPartnerIds: $invitedPartnerIds }) { id }\n  }\n": types.UpdateMeetingInviteesDocument,
    "\n  query MeetingsByStatus($allianceId: ID!, $status: [MeetingStatus!]) {\n    meetings(allianceId: $allianceId, status: $status) {\n      id title startsAt status facilitator { id } minutes { status }\n    }\n  }\n": types.MeetingsByStatusDocument,
    "\n  mutation AmendDecision($input: AmendDecisionInput!) { amendDecision(input: $input) { id number meeting { id } } }\n": types.AmendDecisionDocument,
    "\n  query UnreadNotificationCount { unreadNotificationCount }\n": types.UnreadNotificationCountDocument,
    "\n  query Notifications($first: Int, $after: String, $unreadOnly: Boolean, $language: NotificationLanguage!) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id kind allianceId objectType objectId path createdAt readAt\n          title(language: $language) text(language: $language) kindLabel(language: $language)\n        }\n      }\n    }\n  }\n": types.NotificationsDocument,
    "\n  mutation MarkNotificationRead($id: ID!) { markNotificationRead(id: $id) { id readAt } }\n": types.MarkNotificationReadDocument,
    "\n  mutation MarkAllNotificationsRead { markAllNotificationsRead }\n": types.MarkAllNotificationsReadDocument,
    "\n  subscription NotificationEvents { notificationEvents { change unreadCount notification { id } } }\n": types.NotificationEventsDocument,
    "\n  query NotificationPreferences($language: NotificationLanguage!) {\n    notificationPreferences { kind delivery defaultDelivery label(language: $language) }\n  }\n": types.NotificationPreferencesDocument,
    "\n  mutation SetNotificationPreference($kind: NotificationKind!, $delivery: NotificationDelivery!) {\n    setNotificationPreference(kind: $kind, delivery: $delivery) { kind delivery }\n  }\n": types.SetNotificationPreferenceDocument,
    "\n  fragment SessionFields on AuthPayload { accessToken accessTokenExpiresAt sessionExpiresAt secondFactorEnrolmentRequired idleTimeoutSeconds }\n": types.SessionFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      id\n      displayName\n      email\n      platformAdmin\n      organisation { id name shortName }\n      memberships { id roles alliance { id name municipality } }\n    }\n  }\n": types.MeDocument,
    "\n  mutation Login($email: String!, $password: String!, $code: String) { login(email: $email, password: $password, code: $code) { ...SessionFields } }\n": types.LoginDocument,
    "\n  mutation Refresh { refreshSession { ...SessionFields } }\n": types.RefreshDocument,
    "\n  mutation Logout { logout }\n": types.LogoutDocument,
    "\n  mutation AcceptInvitation($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) { ...SessionFields } }\n": types.AcceptInvitationDocument,
    "\n  mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) { resetPassword(token: $token, newPassword: $newPassword) }\n": types.ResetPasswordDocument,
    "\n  mutation BeginSecondFactor { beginSecondFactorEnrolment { secret otpauthUri qrCodeDataUrl } }\n": types.BeginSecondFactorDocument,
    "\n  mutation ConfirmSecondFactor($code: String!) { confirmSecondFactor(code: $code) }\n": types.ConfirmSecondFactorDocument,
    "\n  query MailOutbox($after: String) {\n    mailOutbox(first: 50, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id recipient subject text status attempts lastError createdAt sentAt } }\n    }\n  }\n": types.MailOutboxDocument,
    "\n  query Alliance($id: ID!) {\n    alliance(id: $id) {\n      id\n      name\n      municipality\n      description\n      quorumShare\n      partners { id status joinedOn organisation { id name shortName kind legalDomains } }\n      members { id roles user { id displayName organisation { id } } }\n    }\n  }\n": types.AllianceDocument,
    "\n  query Network($allianceId: ID!) {\n    tasks(allianceId: $allianceId, first: 100) {\n      totalCount\n      edges { node { id leadPartner { id } contributingPartners { id } } }\n    }\n  }\n": types.NetworkDocument,
    "\n  query HandoverLinks { handovers { id from { id } to { id } } }\n": types.HandoverLinksDocument,
    "\n  query Dashboard($allianceId: ID!, $from: DateTime!) {\n    myTasks(first: 50) { edges { node { id title status priority dueOn leadPartner { id organisation { shortName name } } } } }\n    meetings(allianceId: $allianceId, from: $from, status: [SCHEDULED, IN_PROGRESS]) { id title kind status startsAt location }\n    alliance(id: $allianceId) {\n      id\n      goals(status: ACTIVE) {\n        id\n        title\n        taskProgress\n        indicators { id name unit baseline target current measurements { id value observedOn } }\n      }\n    }\n  }\n": types.DashboardDocument,
    "\n  query IncomingHandovers {\n    handovers(incoming: true, status: [REQUESTED]) {\n      id categories message requestedAt status\n      case { id reference }\n      from { id name shortName }\n    }\n  }\n": types.IncomingHandoversDocument,
    "\n  query Goals($allianceId: ID!) {\n    alliance(id: $allianceId) {\n      id\n      goals {\n        id\n        title\n        description\n        status\n        startsOn\n        dueOn\n        taskProgress\n        parent { id }\n        ownerPartners { id organisation { shortName name } }\n        indicators { id name unit baseline target current measurements { id value observedOn note } }\n      }\n    }\n  }\n": types.GoalsDocument,
    "\n  mutation CreateGoal($input: CreateGoalInput!) { createGoal(input: $input) { id } }\n": types.CreateGoalDocument,
    "\n  mutation AddIndicator($input: AddIndicatorInput!) { addIndicator(input: $input) { id } }\n": types.AddIndicatorDocument,
    "\n  mutation RecordMeasurement($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id value observedOn } }\n": types.RecordMeasurementDocument,
    "\n  fragment TaskCardFields on Task {\n    id title status priority dueOn version updatedAt\n    leadPartner { id organisation { id shortName name } }\n    contributingPartners { id organisation { id shortName name } }\n    assignee { id displayName }\n    goal { id title }\n    viewerCan { update changeStatus comment addDependency }\n  }\n": types.TaskCardFieldsFragmentDoc,
    "\n  query Tasks($allianceId: ID!, $filter: TaskFilter, $first: Int, $after: String) {\n    tasks(allianceId: $allianceId, filter: $filter, first: $first, after: $after, orderBy: DUE_ON) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...TaskCardFields } }\n    }\n  }\n": types.TasksDocument,
    "\n  query TaskGoals($allianceId: ID!) { alliance(id: $allianceId) { id goals { id title status } } }\n": types.TaskGoalsDocument,
    "\n  query TaskPermissions($allianceId: ID!) {\n    alliance(id: $allianceId) { id taskPermissions { createTask ownOrganisationTakesPart } }\n  }\n": types.TaskPermissionsDocument,
    "\n  query CaseworkPermissions { caseworkPermissions { openCase } }\n": types.CaseworkPermissionsDocument,
    "\n  subscription TaskEvents($allianceId: ID!) { taskEvents(allianceId: $allianceId) { change task { id title } } }\n": types.TaskEventsDocument,
    "\n  mutation CreateTask($input: CreateTaskInput!) { createTask(input: $input) { id title } }\n": types.CreateTaskDocument,
    "\n  query Task($id: ID!) {\n    task(id: $id) {\n      ...TaskCardFields\n      description\n      createdAt\n      completedAt\n      goal { id title }\n      decision { id number title }\n      blockedBy { id title status }\n      blocking { id title status }\n      comments { id body createdAt author { id displayName } }\n      alliance { id }\n    }\n  }\n": types.TaskDocument,
    "\n  mutation UpdateTask($id: ID!, $input: UpdateTaskInput!) { updateTask(id: $id, input: $input) { ...TaskCardFields } }\n": types.UpdateTaskDocument,
    "\n  mutation Comment($taskId: ID!, $body: String!) { commentOnTask(taskId: $taskId, body: $body) { id } }\n": types.CommentDocument,
    "\n  mutation AddDependency($taskId: ID!, $blockedById: ID!) { addTaskDependency(taskId: $taskId, blockedById: $blockedById) { id } }\n": types.AddDependencyDocument,
    "\n  mutation RemoveDependency($taskId: ID!, $blockedById: ID!) { removeTaskDependency(taskId: $taskId, blockedById: $blockedById) { id } }\n": types.RemoveDependencyDocument,
    "\n  query Meetings($allianceId: ID!) {\n    meetings(allianceId: $allianceId) { id title kind status startsAt endsAt location facilitator { id displayName } }\n    calendarFeed { url }\n  }\n": types.MeetingsDocument,
    "\n  mutation ScheduleMeeting($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }\n": types.ScheduleMeetingDocument,
    "\n  mutation RotateCalendarFeed { rotateCalendarFeed { url } }\n": types.RotateCalendarFeedDocument,
    "\n  query Meeting($id: ID!) {\n    meeting(id: $id) {\n      id title kind status startsAt endsAt location quorate\n      alliance { id quorumShare }\n      facilitator { id displayName }\n      invitedPartners { id organisation { id name shortName } }\n      agenda {\n        id position title description durationMinutes presenter { id organisation { shortName } }\n        approvesMinutesOf { id title startsAt status }\n      }\n      attendance { status partner { id } attendees { id displayName } }\n      decisions {\n        id number title text outcome votesFor votesAgainst abstentions consensus\n        agendaItem { id position }\n        followUpTasks { id title leadPartner { organisation { shortName } } }\n        amends { id number }\n        amendedBy { id number }\n      }\n      minutes {\n        text status approvedAt approvedBy { displayName } savedBy { displayName }\n        approvalDecision { id number meeting { id title } }\n      }\n    }\n  }\n": types.MeetingDocument,
    "mutation StartMeeting($id: ID!) { startMeeting(id: $id) { id status } }": types.StartMeetingDocument,
    "\n  mutation CancelMeeting($id: ID!, $reason: String) { cancelMeeting(id: $id, reason: $reason) { id status } }\n": types.CancelMeetingDocument,
    "mutation AdjournMeeting($id: ID!) { adjournMeeting(id: $id) { id status } }": types.AdjournMeetingDocument,
    "\n  mutation AddAgendaItem($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }\n": types.AddAgendaItemDocument,
    "\n  mutation RecordAttendance($input: RecordAttendanceInput!) { recordAttendance(input: $input) { status } }\n": types.RecordAttendanceDocument,
    "\n  mutation RecordDecision($input: RecordDecisionInput!) { recordDecision(input: $input) { id number } }\n": types.RecordDecisionDocument,
    "\n  mutation CorrectDecision($id: ID!, $input: CorrectDecisionInput!) { correctDecision(id: $id, input: $input) { id title text outcome } }\n": types.CorrectDecisionDocument,
    "\n  mutation SaveMinutes($meetingId: ID!, $text: String!) { saveMinutes(meetingId: $meetingId, text: $text) { status } }\n": types.SaveMinutesDocument,
    "\n  mutation ApproveMinutes($meetingId: ID!) { approveMinutes(meetingId: $meetingId) { status approvedAt } }\n": types.ApproveMinutesDocument,
    "\n  query Cases($filter: CaseFilter) {\n    cases(filter: $filter, first: 100) {\n      totalCount\n      edges { node { id reference status supportAreas openedAt owner { id name shortName } caseWorker { id displayName } } }\n    }\n  }\n": types.CasesDocument,
    "\n  mutation OpenCase($input: OpenCaseInput!) { openCase(input: $input) { id reference } }\n": types.OpenCaseDocument,
    "\n  query Case($id: ID!) {\n    case(id: $id) {\n      id reference status supportAreas openedAt closedAt visibleCategories version closingReason\n      possibleDuplicates { id reference }\n      owner { id name shortName }\n      caseWorker { id displayName }\n      identity { givenName familyName dateOfBirth }\n      contact { phone email address }\n      language { germanLevel otherLanguages note }\n      residence { status permitValidUntil note }\n      educationEmployment { qualifications recognitionStatus jobWishes note }\n      housing { situation note }\n      family { householdSize childrenCount note }\n      health { note }\n      consents {\n        id categories purpose form evidenceReference informedInLanguage interpreterUsed validFrom validUntil status withdrawnAt recordedAt\n        recipients { id name shortName }\n        legalBasis { code citation }\n        approvedBy { id displayName }\n      }\n      handovers {\n        id categories message status requestedAt respondedAt declineReason outcome accessActive\n        accessEndedAt accessEndReason completedAt cancelReason awaitingApproval viewerCanDecideBasis\n        legalBasis { code citation }\n        completedBy { id displayName }\n        requestedBy { id displayName email phone organisation { id name } }\n        from { id name shortName }\n        to { id name shortName }\n        consent { id status withdrawalNote }\n      }\n    }\n  }\n": types.CaseDocument,
    "\n  query Disclosures($caseId: ID!) {\n    disclosures(caseId: $caseId, first: 100) {\n      totalCount\n      edges { node { id at categories reader { id displayName } organisation { id name shortName } } }\n    }\n  }\n": types.DisclosuresDocument,
    "\n  mutation RecordConsent($input: RecordConsentInput!) { recordConsent(input: $input) { id } }\n": types.RecordConsentDocument,
    "\n  mutation WithdrawConsent($id: ID!, $note: String) { withdrawConsent(id: $id, note: $note) { id status } }\n": types.WithdrawConsentDocument,
    "\n  mutation RequestHandover($input: RequestHandoverInput!) { requestHandover(input: $input) { id status } }\n": types.RequestHandoverDocument,
    "mutation AcceptHandover($id: ID!) { acceptHandover(id: $id) { id status } }": types.AcceptHandoverDocument,
    "\n  mutation DeclineHandover($id: ID!, $reason: String!) { declineHandover(id: $id, reason: $reason) { id status } }\n": types.DeclineHandoverDocument,
    "\n  mutation CancelHandover($id: ID!, $reason: String) { cancelHandover(id: $id, reason: $reason) { id status } }\n": types.CancelHandoverDocument,
    "\n  mutation CompleteHandover($id: ID!, $outcome: String!) { completeHandover(id: $id, outcome: $outcome) { id status } }\n": types.CompleteHandoverDocument,
    "\n  fragment ReportCaseworkFigures on CaseworkFigures {\n    label\n    from\n    to\n    cases { area opened { value suppressed display } closed { value suppressed display } erased { value suppressed display } }\n    handovers {\n      fromOrganisationId\n      fromOrganisationName\n      toOrganisationId\n      toOrganisationName\n      requested { value suppressed display }\n      accepted { value suppressed display }\n      declined { value suppressed display }\n      completed { value suppressed display }\n      medianHoursToAccept\n    }\n    consentsByForm { form recorded { value suppressed display } withdrawn { value suppressed display } }\n    consentsByLanguage { language recorded { value suppressed display } }\n    consentsByInterpreter { interpreterUsed recorded { value suppressed display } }\n  }\n": types.ReportCaseworkFiguresFragmentDoc,
    "\n  query AllianceReport($allianceId: ID!, $from: Date!, $to: Date!) {\n    allianceReport(allianceId: $allianceId, from: $from, to: $to) {\n      allianceId\n      allianceName\n      from\n      to\n      goals {\n        goalId\n        title\n        indicators {\n          indicatorId\n          name\n          unit\n          baseline\n          target\n          latestValue\n          progress\n          measurements { observedOn value }\n        }\n      }\n      tasksByPartner {\n        partnerId\n        organisationName\n        asLead { created done overdue cancelled }\n        asContributor { created done overdue cancelled }\n      }\n      tasksByGoal { goalId goalTitle counts { created done overdue cancelled } }\n      taskTotals { created done overdue cancelled }\n      meetings { meetingId title kind startsAt invitedPartners presentPartners quorumReached }\n      attendance { partnerId organisationName invited present rate }\n      decisions { decisionId number title outcome followUpTasks { title status } }\n      casework {\n        minimumCount\n        unpublishedQuarters\n        quarters { ...ReportCaseworkFigures }\n        total { ...ReportCaseworkFigures }\n      }\n      ownOrganisationCasework {\n        total { ...ReportCaseworkFigures }\n      }\n    }\n  }\n": types.AllianceReportDocument,
    "\n  query SignInOptions { signInOptions { password identityProvider { displayName startUrl } } }\n": types.SignInOptionsDocument,
    "\n  mutation CompleteSignIn($code: String!) { completeSignIn(code: $code) { ...SessionFields } }\n": types.CompleteSignInDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Platform {\n    alliances { id name municipality description quorumShare }\n    organisations { id name shortName kind legalDomains }\n  }\n"): (typeof documents)["\n  query Platform {\n    alliances { id name municipality description quorumShare }\n    organisations { id name shortName kind legalDomains }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAlliance($input: CreateAllianceInput!) { createAlliance(input: $input) { id name municipality description } }\n"): (typeof documents)["\n  mutation CreateAlliance($input: CreateAllianceInput!) { createAlliance(input: $input) { id name municipality description } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAlliance($id: ID!, $input: UpdateAllianceInput!) { updateAlliance(id: $id, input: $input) { id name description quorumShare } }\n"): (typeof documents)["\n  mutation UpdateAlliance($id: ID!, $input: UpdateAllianceInput!) { updateAlliance(id: $id, input: $input) { id name description quorumShare } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganisation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id name shortName kind legalDomains } }\n"): (typeof documents)["\n  mutation CreateOrganisation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id name shortName kind legalDomains } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateOrganisation($id: ID!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $input) { id name shortName kind legalDomains } }\n"): (typeof documents)["\n  mutation UpdateOrganisation($id: ID!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $input) { id name shortName kind legalDomains } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminNav($id: ID!) { alliance(id: $id) { id viewerPermissions { manageMembers managePartners updateSettings setPublicRecord } } }\n"): (typeof documents)["\n  query AdminNav($id: ID!) { alliance(id: $id) { id viewerPermissions { manageMembers managePartners updateSettings setPublicRecord } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AllianceAdmin($id: ID!) {\n    alliance(id: $id) {\n      id name municipality description quorumShare\n      viewerPermissions { updateSettings setPublicRecord managePartners manageMembers }\n      publicRecord { published contactEmail fundingPeriodStart fundingPeriodEnd oparlUrl }\n      partners { id status joinedOn leftOn organisation { id name shortName kind } }\n      members { id roles user { id displayName email deactivatedAt totpEnabledAt platformAdmin organisation { id name } } }\n    }\n    organisations { id name shortName }\n  }\n"): (typeof documents)["\n  query AllianceAdmin($id: ID!) {\n    alliance(id: $id) {\n      id name municipality description quorumShare\n      viewerPermissions { updateSettings setPublicRecord managePartners manageMembers }\n      publicRecord { published contactEmail fundingPeriodStart fundingPeriodEnd oparlUrl }\n      partners { id status joinedOn leftOn organisation { id name shortName kind } }\n      members { id roles user { id displayName email deactivatedAt totpEnabledAt platformAdmin organisation { id name } } }\n    }\n    organisations { id name shortName }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invitations($allianceId: ID!) {\n    invitations(allianceId: $allianceId) { id email displayName roles status expiresAt sentCount organisation { id name } }\n  }\n"): (typeof documents)["\n  query Invitations($allianceId: ID!) {\n    invitations(allianceId: $allianceId) { id email displayName roles status expiresAt sentCount organisation { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPublicRecord($input: SetAlliancePublicRecordInput!) {\n    setAlliancePublicRecord(input: $input) { id publicRecord { published contactEmail fundingPeriodStart fundingPeriodEnd oparlUrl } }\n  }\n"): (typeof documents)["\n  mutation SetPublicRecord($input: SetAlliancePublicRecordInput!) {\n    setAlliancePublicRecord(input: $input) { id publicRecord { published contactEmail fundingPeriodStart fundingPeriodEnd oparlUrl } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddPartner($input: AddPartnerInput!) { addPartner(input: $input) { id status joinedOn leftOn } }\n"): (typeof documents)["\n  mutation AddPartner($input: AddPartnerInput!) { addPartner(input: $input) { id status joinedOn leftOn } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePartner($id: ID!, $input: UpdatePartnerInput!) { updatePartner(id: $id, input: $input) { id status joinedOn leftOn } }\n"): (typeof documents)["\n  mutation UpdatePartner($id: ID!, $input: UpdatePartnerInput!) { updatePartner(id: $id, input: $input) { id status joinedOn leftOn } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteUser($input: InviteUserInput!) { inviteUser(input: $input) { id email status } }\n"): (typeof documents)["\n  mutation InviteUser($input: InviteUserInput!) { inviteUser(input: $input) { id email status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendInvitation($id: ID!) { resendInvitation(id: $id) { id status sentCount expiresAt } }\n"): (typeof documents)["\n  mutation ResendInvitation($id: ID!) { resendInvitation(id: $id) { id status sentCount expiresAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($id: ID!) { revokeInvitation(id: $id) { id status } }\n"): (typeof documents)["\n  mutation RevokeInvitation($id: ID!) { revokeInvitation(id: $id) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMembership($input: SetMembershipInput!) { setMembership(input: $input) { id roles } }\n"): (typeof documents)["\n  mutation SetMembership($input: SetMembershipInput!) { setMembership(input: $input) { id roles } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateUser($id: ID!) { deactivateUser(id: $id) { id deactivatedAt } }\n"): (typeof documents)["\n  mutation DeactivateUser($id: ID!) { deactivateUser(id: $id) { id deactivatedAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateUser($id: ID!) { reactivateUser(id: $id) { id deactivatedAt } }\n"): (typeof documents)["\n  mutation ReactivateUser($id: ID!) { reactivateUser(id: $id) { id deactivatedAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetSecondFactor($userId: ID!) { resetSecondFactor(userId: $userId) { id totpEnabledAt } }\n"): (typeof documents)["\n  mutation ResetSecondFactor($userId: ID!) { resetSecondFactor(userId: $userId) { id totpEnabledAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeetingPublication($allianceId: ID!) { meetings(allianceId: $allianceId) { id title startsAt status public viewerMaySetPublic } }\n"): (typeof documents)["\n  query MeetingPublication($allianceId: ID!) { meetings(allianceId: $allianceId) { id title startsAt status public viewerMaySetPublic } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMeetingPublic($meetingId: ID!, $public: Boolean!) { setMeetingPublic(meetingId: $meetingId, public: $public) { id public } }\n"): (typeof documents)["\n  mutation SetMeetingPublic($meetingId: ID!, $public: Boolean!) { setMeetingPublic(meetingId: $meetingId, public: $public) { id public } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAccount { me { id email displayName totpEnabledAt } sessions { id device createdAt lastUsedAt expiresAt current } }\n"): (typeof documents)["\n  query MyAccount { me { id email displayName totpEnabledAt } sessions { id device createdAt lastUsedAt expiresAt current } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeSession($id: ID!) { revokeSession(id: $id) }\n"): (typeof documents)["\n  mutation RevokeSession($id: ID!) { revokeSession(id: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) { changePassword(currentPassword: $currentPassword, newPassword: $newPassword) }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) { changePassword(currentPassword: $currentPassword, newPassword: $newPassword) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetOwnSecondFactor($code: String!) { resetOwnSecondFactor(code: $code) }\n"): (typeof documents)["\n  mutation ResetOwnSecondFactor($code: String!) { resetOwnSecondFactor(code: $code) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LegalBases { legalBases { code citation titleDe titleEn permitsHealth } }\n"): (typeof documents)["\n  query LegalBases { legalBases { code citation titleDe titleEn permitsHealth } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestStatutoryHandover($input: RequestHandoverInput!) {\n    requestHandover(input: $input) { id status awaitingApproval }\n  }\n"): (typeof documents)["\n  mutation RequestStatutoryHandover($input: RequestHandoverInput!) {\n    requestHandover(input: $input) { id status awaitingApproval }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveHandoverBasis($id: ID!) { approveHandoverBasis(id: $id) { id status awaitingApproval } }\n"): (typeof documents)["\n  mutation ApproveHandoverBasis($id: ID!) { approveHandoverBasis(id: $id) { id status awaitingApproval } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectHandoverBasis($id: ID!, $reason: String!) { rejectHandoverBasis(id: $id, reason: $reason) { id status } }\n"): (typeof documents)["\n  mutation RejectHandoverBasis($id: ID!, $reason: String!) { rejectHandoverBasis(id: $id, reason: $reason) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCaseData($input: UpdateCaseDataInput!) { updateCaseData(input: $input) { id version } }\n"): (typeof documents)["\n  mutation UpdateCaseData($input: UpdateCaseDataInput!) { updateCaseData(input: $input) { id version } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseCase($id: ID!, $reason: CaseClosingReason) { closeCase(id: $id, reason: $reason) { id status } }\n"): (typeof documents)["\n  mutation CloseCase($id: ID!, $reason: CaseClosingReason) { closeCase(id: $id, reason: $reason) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReopenCase($id: ID!) { reopenCase(id: $id) { id status } }\n"): (typeof documents)["\n  mutation ReopenCase($id: ID!) { reopenCase(id: $id) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EraseCase($id: ID!) { eraseCase(id: $id) { id status } }\n"): (typeof documents)["\n  mutation EraseCase($id: ID!) { eraseCase(id: $id) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PossibleDuplicateCases($familyName: String!, $dateOfBirth: Date!) {\n    possibleDuplicateCases(familyName: $familyName, dateOfBirth: $dateOfBirth) { id reference openedAt }\n  }\n"): (typeof documents)["\n  query PossibleDuplicateCases($familyName: String!, $dateOfBirth: Date!) {\n    possibleDuplicateCases(familyName: $familyName, dateOfBirth: $dateOfBirth) { id reference openedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyContact { me { id email phone } }\n"): (typeof documents)["\n  query MyContact { me { id email phone } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMyContact($phone: String) { updateMyContact(phone: $phone) { id phone } }\n"): (typeof documents)["\n  mutation UpdateMyContact($phone: String) { updateMyContact(phone: $phone) { id phone } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsentPaper($id: ID!) {\n    case(id: $id) {\n      id\n      consents {\n        id\n        sheetLanguages { code name germanName rightToLeft }\n        evidence { mediaType byteSize uploadedAt uploadedBy { id displayName } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsentPaper($id: ID!) {\n    case(id: $id) {\n      id\n      consents {\n        id\n        sheetLanguages { code name germanName rightToLeft }\n        evidence { mediaType byteSize uploadedAt uploadedBy { id displayName } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MeetingEvents($meetingId: ID!) { meetingEvents(meetingId: $meetingId) { change meeting { id status } } }\n"): (typeof documents)["\n  subscription MeetingEvents($meetingId: ID!) { meetingEvents(meetingId: $meetingId) { change meeting { id status } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription HandoverEvents { handoverEvents { change handoverId caseId } }\n"): (typeof documents)["\n  subscription HandoverEvents { handoverEvents { change handoverId caseId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MeetingNotificationEvents { notificationEvents { change notification { id objectType objectId } } }\n"): (typeof documents)["\n  subscription MeetingNotificationEvents { notificationEvents { change notification { id objectType objectId } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMeetingInvitees($id: ID!, $invitedPartnerIds: [ID!]) {\n    updateMeeting(id: $id, input: { invitedPartnerIds: $invitedPartnerIds }) { id }\n  }\n"): (typeof documents)["\n  mutation UpdateMeetingInvitees($id: ID!, $invitedPartnerIds: [ID!]) {\n    updateMeeting(id: $id, input: { invitedPartnerIds: $invitedPartnerIds }) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeetingsByStatus($allianceId: ID!, $status: [MeetingStatus!]) {\n    meetings(allianceId: $allianceId, status: $status) {\n      id title startsAt status facilitator { id } minutes { status }\n    }\n  }\n"): (typeof documents)["\n  query MeetingsByStatus($allianceId: ID!, $status: [MeetingStatus!]) {\n    meetings(allianceId: $allianceId, status: $status) {\n      id title startsAt status facilitator { id } minutes { status }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AmendDecision($input: AmendDecisionInput!) { amendDecision(input: $input) { id number meeting { id } } }\n"): (typeof documents)["\n  mutation AmendDecision($input: AmendDecisionInput!) { amendDecision(input: $input) { id number meeting { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotificationCount { unreadNotificationCount }\n"): (typeof documents)["\n  query UnreadNotificationCount { unreadNotificationCount }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($first: Int, $after: String, $unreadOnly: Boolean, $language: NotificationLanguage!) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id kind allianceId objectType objectId path createdAt readAt\n          title(language: $language) text(language: $language) kindLabel(language: $language)\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Notifications($first: Int, $after: String, $unreadOnly: Boolean, $language: NotificationLanguage!) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id kind allianceId objectType objectId path createdAt readAt\n          title(language: $language) text(language: $language) kindLabel(language: $language)\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationRead($id: ID!) { markNotificationRead(id: $id) { id readAt } }\n"): (typeof documents)["\n  mutation MarkNotificationRead($id: ID!) { markNotificationRead(id: $id) { id readAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAllNotificationsRead { markAllNotificationsRead }\n"): (typeof documents)["\n  mutation MarkAllNotificationsRead { markAllNotificationsRead }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationEvents { notificationEvents { change unreadCount notification { id } } }\n"): (typeof documents)["\n  subscription NotificationEvents { notificationEvents { change unreadCount notification { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationPreferences($language: NotificationLanguage!) {\n    notificationPreferences { kind delivery defaultDelivery label(language: $language) }\n  }\n"): (typeof documents)["\n  query NotificationPreferences($language: NotificationLanguage!) {\n    notificationPreferences { kind delivery defaultDelivery label(language: $language) }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetNotificationPreference($kind: NotificationKind!, $delivery: NotificationDelivery!) {\n    setNotificationPreference(kind: $kind, delivery: $delivery) { kind delivery }\n  }\n"): (typeof documents)["\n  mutation SetNotificationPreference($kind: NotificationKind!, $delivery: NotificationDelivery!) {\n    setNotificationPreference(kind: $kind, delivery: $delivery) { kind delivery }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionFields on AuthPayload { accessToken accessTokenExpiresAt sessionExpiresAt secondFactorEnrolmentRequired idleTimeoutSeconds }\n"): (typeof documents)["\n  fragment SessionFields on AuthPayload { accessToken accessTokenExpiresAt sessionExpiresAt secondFactorEnrolmentRequired idleTimeoutSeconds }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      displayName\n      email\n      platformAdmin\n      organisation { id name shortName }\n      memberships { id roles alliance { id name municipality } }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      displayName\n      email\n      platformAdmin\n      organisation { id name shortName }\n      memberships { id roles alliance { id name municipality } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!, $code: String) { login(email: $email, password: $password, code: $code) { ...SessionFields } }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!, $code: String) { login(email: $email, password: $password, code: $code) { ...SessionFields } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Refresh { refreshSession { ...SessionFields } }\n"): (typeof documents)["\n  mutation Refresh { refreshSession { ...SessionFields } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout { logout }\n"): (typeof documents)["\n  mutation Logout { logout }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) { ...SessionFields } }\n"): (typeof documents)["\n  mutation AcceptInvitation($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) { ...SessionFields } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $newPassword: String!) { resetPassword(token: $token, newPassword: $newPassword) }\n"): (typeof documents)["\n  mutation ResetPassword($token: String!, $newPassword: String!) { resetPassword(token: $token, newPassword: $newPassword) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BeginSecondFactor { beginSecondFactorEnrolment { secret otpauthUri qrCodeDataUrl } }\n"): (typeof documents)["\n  mutation BeginSecondFactor { beginSecondFactorEnrolment { secret otpauthUri qrCodeDataUrl } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmSecondFactor($code: String!) { confirmSecondFactor(code: $code) }\n"): (typeof documents)["\n  mutation ConfirmSecondFactor($code: String!) { confirmSecondFactor(code: $code) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MailOutbox($after: String) {\n    mailOutbox(first: 50, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id recipient subject text status attempts lastError createdAt sentAt } }\n    }\n  }\n"): (typeof documents)["\n  query MailOutbox($after: String) {\n    mailOutbox(first: 50, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id recipient subject text status attempts lastError createdAt sentAt } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Alliance($id: ID!) {\n    alliance(id: $id) {\n      id\n      name\n      municipality\n      description\n      quorumShare\n      partners { id status joinedOn organisation { id name shortName kind legalDomains } }\n      members { id roles user { id displayName organisation { id } } }\n    }\n  }\n"): (typeof documents)["\n  query Alliance($id: ID!) {\n    alliance(id: $id) {\n      id\n      name\n      municipality\n      description\n      quorumShare\n      partners { id status joinedOn organisation { id name shortName kind legalDomains } }\n      members { id roles user { id displayName organisation { id } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Network($allianceId: ID!) {\n    tasks(allianceId: $allianceId, first: 100) {\n      totalCount\n      edges { node { id leadPartner { id } contributingPartners { id } } }\n    }\n  }\n"): (typeof documents)["\n  query Network($allianceId: ID!) {\n    tasks(allianceId: $allianceId, first: 100) {\n      totalCount\n      edges { node { id leadPartner { id } contributingPartners { id } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HandoverLinks { handovers { id from { id } to { id } } }\n"): (typeof documents)["\n  query HandoverLinks { handovers { id from { id } to { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard($allianceId: ID!, $from: DateTime!) {\n    myTasks(first: 50) { edges { node { id title status priority dueOn leadPartner { id organisation { shortName name } } } } }\n    meetings(allianceId: $allianceId, from: $from, status: [SCHEDULED, IN_PROGRESS]) { id title kind status startsAt location }\n    alliance(id: $allianceId) {\n      id\n      goals(status: ACTIVE) {\n        id\n        title\n        taskProgress\n        indicators { id name unit baseline target current measurements { id value observedOn } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Dashboard($allianceId: ID!, $from: DateTime!) {\n    myTasks(first: 50) { edges { node { id title status priority dueOn leadPartner { id organisation { shortName name } } } } }\n    meetings(allianceId: $allianceId, from: $from, status: [SCHEDULED, IN_PROGRESS]) { id title kind status startsAt location }\n    alliance(id: $allianceId) {\n      id\n      goals(status: ACTIVE) {\n        id\n        title\n        taskProgress\n        indicators { id name unit baseline target current measurements { id value observedOn } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IncomingHandovers {\n    handovers(incoming: true, status: [REQUESTED]) {\n      id categories message requestedAt status\n      case { id reference }\n      from { id name shortName }\n    }\n  }\n"): (typeof documents)["\n  query IncomingHandovers {\n    handovers(incoming: true, status: [REQUESTED]) {\n      id categories message requestedAt status\n      case { id reference }\n      from { id name shortName }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Goals($allianceId: ID!) {\n    alliance(id: $allianceId) {\n      id\n      goals {\n        id\n        title\n        description\n        status\n        startsOn\n        dueOn\n        taskProgress\n        parent { id }\n        ownerPartners { id organisation { shortName name } }\n        indicators { id name unit baseline target current measurements { id value observedOn note } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Goals($allianceId: ID!) {\n    alliance(id: $allianceId) {\n      id\n      goals {\n        id\n        title\n        description\n        status\n        startsOn\n        dueOn\n        taskProgress\n        parent { id }\n        ownerPartners { id organisation { shortName name } }\n        indicators { id name unit baseline target current measurements { id value observedOn note } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateGoal($input: CreateGoalInput!) { createGoal(input: $input) { id } }\n"): (typeof documents)["\n  mutation CreateGoal($input: CreateGoalInput!) { createGoal(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddIndicator($input: AddIndicatorInput!) { addIndicator(input: $input) { id } }\n"): (typeof documents)["\n  mutation AddIndicator($input: AddIndicatorInput!) { addIndicator(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordMeasurement($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id value observedOn } }\n"): (typeof documents)["\n  mutation RecordMeasurement($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id value observedOn } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TaskCardFields on Task {\n    id title status priority dueOn version updatedAt\n    leadPartner { id organisation { id shortName name } }\n    contributingPartners { id organisation { id shortName name } }\n    assignee { id displayName }\n    goal { id title }\n    viewerCan { update changeStatus comment addDependency }\n  }\n"): (typeof documents)["\n  fragment TaskCardFields on Task {\n    id title status priority dueOn version updatedAt\n    leadPartner { id organisation { id shortName name } }\n    contributingPartners { id organisation { id shortName name } }\n    assignee { id displayName }\n    goal { id title }\n    viewerCan { update changeStatus comment addDependency }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Tasks($allianceId: ID!, $filter: TaskFilter, $first: Int, $after: String) {\n    tasks(allianceId: $allianceId, filter: $filter, first: $first, after: $after, orderBy: DUE_ON) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...TaskCardFields } }\n    }\n  }\n"): (typeof documents)["\n  query Tasks($allianceId: ID!, $filter: TaskFilter, $first: Int, $after: String) {\n    tasks(allianceId: $allianceId, filter: $filter, first: $first, after: $after, orderBy: DUE_ON) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...TaskCardFields } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaskGoals($allianceId: ID!) { alliance(id: $allianceId) { id goals { id title status } } }\n"): (typeof documents)["\n  query TaskGoals($allianceId: ID!) { alliance(id: $allianceId) { id goals { id title status } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaskPermissions($allianceId: ID!) {\n    alliance(id: $allianceId) { id taskPermissions { createTask ownOrganisationTakesPart } }\n  }\n"): (typeof documents)["\n  query TaskPermissions($allianceId: ID!) {\n    alliance(id: $allianceId) { id taskPermissions { createTask ownOrganisationTakesPart } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CaseworkPermissions { caseworkPermissions { openCase } }\n"): (typeof documents)["\n  query CaseworkPermissions { caseworkPermissions { openCase } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TaskEvents($allianceId: ID!) { taskEvents(allianceId: $allianceId) { change task { id title } } }\n"): (typeof documents)["\n  subscription TaskEvents($allianceId: ID!) { taskEvents(allianceId: $allianceId) { change task { id title } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTask($input: CreateTaskInput!) { createTask(input: $input) { id title } }\n"): (typeof documents)["\n  mutation CreateTask($input: CreateTaskInput!) { createTask(input: $input) { id title } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Task($id: ID!) {\n    task(id: $id) {\n      ...TaskCardFields\n      description\n      createdAt\n      completedAt\n      goal { id title }\n      decision { id number title }\n      blockedBy { id title status }\n      blocking { id title status }\n      comments { id body createdAt author { id displayName } }\n      alliance { id }\n    }\n  }\n"): (typeof documents)["\n  query Task($id: ID!) {\n    task(id: $id) {\n      ...TaskCardFields\n      description\n      createdAt\n      completedAt\n      goal { id title }\n      decision { id number title }\n      blockedBy { id title status }\n      blocking { id title status }\n      comments { id body createdAt author { id displayName } }\n      alliance { id }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTask($id: ID!, $input: UpdateTaskInput!) { updateTask(id: $id, input: $input) { ...TaskCardFields } }\n"): (typeof documents)["\n  mutation UpdateTask($id: ID!, $input: UpdateTaskInput!) { updateTask(id: $id, input: $input) { ...TaskCardFields } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Comment($taskId: ID!, $body: String!) { commentOnTask(taskId: $taskId, body: $body) { id } }\n"): (typeof documents)["\n  mutation Comment($taskId: ID!, $body: String!) { commentOnTask(taskId: $taskId, body: $body) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddDependency($taskId: ID!, $blockedById: ID!) { addTaskDependency(taskId: $taskId, blockedById: $blockedById) { id } }\n"): (typeof documents)["\n  mutation AddDependency($taskId: ID!, $blockedById: ID!) { addTaskDependency(taskId: $taskId, blockedById: $blockedById) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveDependency($taskId: ID!, $blockedById: ID!) { removeTaskDependency(taskId: $taskId, blockedById: $blockedById) { id } }\n"): (typeof documents)["\n  mutation RemoveDependency($taskId: ID!, $blockedById: ID!) { removeTaskDependency(taskId: $taskId, blockedById: $blockedById) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Meetings($allianceId: ID!) {\n    meetings(allianceId: $allianceId) { id title kind status startsAt endsAt location facilitator { id displayName } }\n    calendarFeed { url }\n  }\n"): (typeof documents)["\n  query Meetings($allianceId: ID!) {\n    meetings(allianceId: $allianceId) { id title kind status startsAt endsAt location facilitator { id displayName } }\n    calendarFeed { url }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScheduleMeeting($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }\n"): (typeof documents)["\n  mutation ScheduleMeeting($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateCalendarFeed { rotateCalendarFeed { url } }\n"): (typeof documents)["\n  mutation RotateCalendarFeed { rotateCalendarFeed { url } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Meeting($id: ID!) {\n    meeting(id: $id) {\n      id title kind status startsAt endsAt location quorate\n      alliance { id quorumShare }\n      facilitator { id displayName }\n      invitedPartners { id organisation { id name shortName } }\n      agenda {\n        id position title description durationMinutes presenter { id organisation { shortName } }\n        approvesMinutesOf { id title startsAt status }\n      }\n      attendance { status partner { id } attendees { id displayName } }\n      decisions {\n        id number title text outcome votesFor votesAgainst abstentions consensus\n        agendaItem { id position }\n        followUpTasks { id title leadPartner { organisation { shortName } } }\n        amends { id number }\n        amendedBy { id number }\n      }\n      minutes {\n        text status approvedAt approvedBy { displayName } savedBy { displayName }\n        approvalDecision { id number meeting { id title } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Meeting($id: ID!) {\n    meeting(id: $id) {\n      id title kind status startsAt endsAt location quorate\n      alliance { id quorumShare }\n      facilitator { id displayName }\n      invitedPartners { id organisation { id name shortName } }\n      agenda {\n        id position title description durationMinutes presenter { id organisation { shortName } }\n        approvesMinutesOf { id title startsAt status }\n      }\n      attendance { status partner { id } attendees { id displayName } }\n      decisions {\n        id number title text outcome votesFor votesAgainst abstentions consensus\n        agendaItem { id position }\n        followUpTasks { id title leadPartner { organisation { shortName } } }\n        amends { id number }\n        amendedBy { id number }\n      }\n      minutes {\n        text status approvedAt approvedBy { displayName } savedBy { displayName }\n        approvalDecision { id number meeting { id title } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StartMeeting($id: ID!) { startMeeting(id: $id) { id status } }"): (typeof documents)["mutation StartMeeting($id: ID!) { startMeeting(id: $id) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelMeeting($id: ID!, $reason: String) { cancelMeeting(id: $id, reason: $reason) { id status } }\n"): (typeof documents)["\n  mutation CancelMeeting($id: ID!, $reason: String) { cancelMeeting(id: $id, reason: $reason) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AdjournMeeting($id: ID!) { adjournMeeting(id: $id) { id status } }"): (typeof documents)["mutation AdjournMeeting($id: ID!) { adjournMeeting(id: $id) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddAgendaItem($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }\n"): (typeof documents)["\n  mutation AddAgendaItem($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordAttendance($input: RecordAttendanceInput!) { recordAttendance(input: $input) { status } }\n"): (typeof documents)["\n  mutation RecordAttendance($input: RecordAttendanceInput!) { recordAttendance(input: $input) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordDecision($input: RecordDecisionInput!) { recordDecision(input: $input) { id number } }\n"): (typeof documents)["\n  mutation RecordDecision($input: RecordDecisionInput!) { recordDecision(input: $input) { id number } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CorrectDecision($id: ID!, $input: CorrectDecisionInput!) { correctDecision(id: $id, input: $input) { id title text outcome } }\n"): (typeof documents)["\n  mutation CorrectDecision($id: ID!, $input: CorrectDecisionInput!) { correctDecision(id: $id, input: $input) { id title text outcome } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveMinutes($meetingId: ID!, $text: String!) { saveMinutes(meetingId: $meetingId, text: $text) { status } }\n"): (typeof documents)["\n  mutation SaveMinutes($meetingId: ID!, $text: String!) { saveMinutes(meetingId: $meetingId, text: $text) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveMinutes($meetingId: ID!) { approveMinutes(meetingId: $meetingId) { status approvedAt } }\n"): (typeof documents)["\n  mutation ApproveMinutes($meetingId: ID!) { approveMinutes(meetingId: $meetingId) { status approvedAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Cases($filter: CaseFilter) {\n    cases(filter: $filter, first: 100) {\n      totalCount\n      edges { node { id reference status supportAreas openedAt owner { id name shortName } caseWorker { id displayName } } }\n    }\n  }\n"): (typeof documents)["\n  query Cases($filter: CaseFilter) {\n    cases(filter: $filter, first: 100) {\n      totalCount\n      edges { node { id reference status supportAreas openedAt owner { id name shortName } caseWorker { id displayName } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenCase($input: OpenCaseInput!) { openCase(input: $input) { id reference } }\n"): (typeof documents)["\n  mutation OpenCase($input: OpenCaseInput!) { openCase(input: $input) { id reference } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Case($id: ID!) {\n    case(id: $id) {\n      id reference status supportAreas openedAt closedAt visibleCategories version closingReason\n      possibleDuplicates { id reference }\n      owner { id name shortName }\n      caseWorker { id displayName }\n      identity { givenName familyName dateOfBirth }\n      contact { phone email address }\n      language { germanLevel otherLanguages note }\n      residence { status permitValidUntil note }\n      educationEmployment { qualifications recognitionStatus jobWishes note }\n      housing { situation note }\n      family { householdSize childrenCount note }\n      health { note }\n      consents {\n        id categories purpose form evidenceReference informedInLanguage interpreterUsed validFrom validUntil status withdrawnAt recordedAt\n        recipients { id name shortName }\n        legalBasis { code citation }\n        approvedBy { id displayName }\n      }\n      handovers {\n        id categories message status requestedAt respondedAt declineReason outcome accessActive\n        accessEndedAt accessEndReason completedAt cancelReason awaitingApproval viewerCanDecideBasis\n        legalBasis { code citation }\n        completedBy { id displayName }\n        requestedBy { id displayName email phone organisation { id name } }\n        from { id name shortName }\n        to { id name shortName }\n        consent { id status withdrawalNote }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Case($id: ID!) {\n    case(id: $id) {\n      id reference status supportAreas openedAt closedAt visibleCategories version closingReason\n      possibleDuplicates { id reference }\n      owner { id name shortName }\n      caseWorker { id displayName }\n      identity { givenName familyName dateOfBirth }\n      contact { phone email address }\n      language { germanLevel otherLanguages note }\n      residence { status permitValidUntil note }\n      educationEmployment { qualifications recognitionStatus jobWishes note }\n      housing { situation note }\n      family { householdSize childrenCount note }\n      health { note }\n      consents {\n        id categories purpose form evidenceReference informedInLanguage interpreterUsed validFrom validUntil status withdrawnAt recordedAt\n        recipients { id name shortName }\n        legalBasis { code citation }\n        approvedBy { id displayName }\n      }\n      handovers {\n        id categories message status requestedAt respondedAt declineReason outcome accessActive\n        accessEndedAt accessEndReason completedAt cancelReason awaitingApproval viewerCanDecideBasis\n        legalBasis { code citation }\n        completedBy { id displayName }\n        requestedBy { id displayName email phone organisation { id name } }\n        from { id name shortName }\n        to { id name shortName }\n        consent { id status withdrawalNote }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Disclosures($caseId: ID!) {\n    disclosures(caseId: $caseId, first: 100) {\n      totalCount\n      edges { node { id at categories reader { id displayName } organisation { id name shortName } } }\n    }\n  }\n"): (typeof documents)["\n  query Disclosures($caseId: ID!) {\n    disclosures(caseId: $caseId, first: 100) {\n      totalCount\n      edges { node { id at categories reader { id displayName } organisation { id name shortName } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordConsent($input: RecordConsentInput!) { recordConsent(input: $input) { id } }\n"): (typeof documents)["\n  mutation RecordConsent($input: RecordConsentInput!) { recordConsent(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawConsent($id: ID!, $note: String) { withdrawConsent(id: $id, note: $note) { id status } }\n"): (typeof documents)["\n  mutation WithdrawConsent($id: ID!, $note: String) { withdrawConsent(id: $id, note: $note) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestHandover($input: RequestHandoverInput!) { requestHandover(input: $input) { id status } }\n"): (typeof documents)["\n  mutation RequestHandover($input: RequestHandoverInput!) { requestHandover(input: $input) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AcceptHandover($id: ID!) { acceptHandover(id: $id) { id status } }"): (typeof documents)["mutation AcceptHandover($id: ID!) { acceptHandover(id: $id) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineHandover($id: ID!, $reason: String!) { declineHandover(id: $id, reason: $reason) { id status } }\n"): (typeof documents)["\n  mutation DeclineHandover($id: ID!, $reason: String!) { declineHandover(id: $id, reason: $reason) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelHandover($id: ID!, $reason: String) { cancelHandover(id: $id, reason: $reason) { id status } }\n"): (typeof documents)["\n  mutation CancelHandover($id: ID!, $reason: String) { cancelHandover(id: $id, reason: $reason) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteHandover($id: ID!, $outcome: String!) { completeHandover(id: $id, outcome: $outcome) { id status } }\n"): (typeof documents)["\n  mutation CompleteHandover($id: ID!, $outcome: String!) { completeHandover(id: $id, outcome: $outcome) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReportCaseworkFigures on CaseworkFigures {\n    label\n    from\n    to\n    cases { area opened { value suppressed display } closed { value suppressed display } erased { value suppressed display } }\n    handovers {\n      fromOrganisationId\n      fromOrganisationName\n      toOrganisationId\n      toOrganisationName\n      requested { value suppressed display }\n      accepted { value suppressed display }\n      declined { value suppressed display }\n      completed { value suppressed display }\n      medianHoursToAccept\n    }\n    consentsByForm { form recorded { value suppressed display } withdrawn { value suppressed display } }\n    consentsByLanguage { language recorded { value suppressed display } }\n    consentsByInterpreter { interpreterUsed recorded { value suppressed display } }\n  }\n"): (typeof documents)["\n  fragment ReportCaseworkFigures on CaseworkFigures {\n    label\n    from\n    to\n    cases { area opened { value suppressed display } closed { value suppressed display } erased { value suppressed display } }\n    handovers {\n      fromOrganisationId\n      fromOrganisationName\n      toOrganisationId\n      toOrganisationName\n      requested { value suppressed display }\n      accepted { value suppressed display }\n      declined { value suppressed display }\n      completed { value suppressed display }\n      medianHoursToAccept\n    }\n    consentsByForm { form recorded { value suppressed display } withdrawn { value suppressed display } }\n    consentsByLanguage { language recorded { value suppressed display } }\n    consentsByInterpreter { interpreterUsed recorded { value suppressed display } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AllianceReport($allianceId: ID!, $from: Date!, $to: Date!) {\n    allianceReport(allianceId: $allianceId, from: $from, to: $to) {\n      allianceId\n      allianceName\n      from\n      to\n      goals {\n        goalId\n        title\n        indicators {\n          indicatorId\n          name\n          unit\n          baseline\n          target\n          latestValue\n          progress\n          measurements { observedOn value }\n        }\n      }\n      tasksByPartner {\n        partnerId\n        organisationName\n        asLead { created done overdue cancelled }\n        asContributor { created done overdue cancelled }\n      }\n      tasksByGoal { goalId goalTitle counts { created done overdue cancelled } }\n      taskTotals { created done overdue cancelled }\n      meetings { meetingId title kind startsAt invitedPartners presentPartners quorumReached }\n      attendance { partnerId organisationName invited present rate }\n      decisions { decisionId number title outcome followUpTasks { title status } }\n      casework {\n        minimumCount\n        unpublishedQuarters\n        quarters { ...ReportCaseworkFigures }\n        total { ...ReportCaseworkFigures }\n      }\n      ownOrganisationCasework {\n        total { ...ReportCaseworkFigures }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AllianceReport($allianceId: ID!, $from: Date!, $to: Date!) {\n    allianceReport(allianceId: $allianceId, from: $from, to: $to) {\n      allianceId\n      allianceName\n      from\n      to\n      goals {\n        goalId\n        title\n        indicators {\n          indicatorId\n          name\n          unit\n          baseline\n          target\n          latestValue\n          progress\n          measurements { observedOn value }\n        }\n      }\n      tasksByPartner {\n        partnerId\n        organisationName\n        asLead { created done overdue cancelled }\n        asContributor { created done overdue cancelled }\n      }\n      tasksByGoal { goalId goalTitle counts { created done overdue cancelled } }\n      taskTotals { created done overdue cancelled }\n      meetings { meetingId title kind startsAt invitedPartners presentPartners quorumReached }\n      attendance { partnerId organisationName invited present rate }\n      decisions { decisionId number title outcome followUpTasks { title status } }\n      casework {\n        minimumCount\n        unpublishedQuarters\n        quarters { ...ReportCaseworkFigures }\n        total { ...ReportCaseworkFigures }\n      }\n      ownOrganisationCasework {\n        total { ...ReportCaseworkFigures }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SignInOptions { signInOptions { password identityProvider { displayName startUrl } } }\n"): (typeof documents)["\n  query SignInOptions { signInOptions { password identityProvider { displayName startUrl } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteSignIn($code: String!) { completeSignIn(code: $code) { ...SessionFields } }\n"): (typeof documents)["\n  mutation CompleteSignIn($code: String!) { completeSignIn(code: $code) { ...SessionFields } }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;