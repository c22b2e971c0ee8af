import { graphql } from '../gql';

// ───── session ─────
export const SessionFields = graphql(`
  fragment SessionFields on AuthPayload { accessToken accessTokenExpiresAt sessionExpiresAt secondFactorEnrolmentRequired idleTimeoutSeconds }
`);
// The signed-in user is read with `me` after login/refresh: refreshSession's user.memberships
// fails in the API (no actor on that public mutation), see apps/web/README.md, "API gaps".
export const MeQuery = graphql(`
  query Me {
    me {
      id
      displayName
      email
      platformAdmin
      organisation { id name shortName }
      memberships { id roles alliance { id name municipality } }
    }
  }
`);
export const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!, $code: String) { login(email: $email, password: $password, code: $code) { ...SessionFields } }
`);
export const RefreshMutation = graphql(`
  mutation Refresh { refreshSession { ...SessionFields } }
`);
export const LogoutMutation = graphql(`
  mutation Logout { logout }
`);

// ───── account ─────
export const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) { ...SessionFields } }
`);
export const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }
`);
export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) { resetPassword(token: $token, newPassword: $newPassword) }
`);
export const BeginSecondFactorMutation = graphql(`
  mutation BeginSecondFactor { beginSecondFactorEnrolment { secret otpauthUri qrCodeDataUrl } }
`);
export const ConfirmSecondFactorMutation = graphql(`
  mutation ConfirmSecondFactor($code: String!) { confirmSecondFactor(code: $code) }
`);
export const MailOutboxQuery = graphql(`
  query MailOutbox($after: String) {
    mailOutbox(first: 50, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id recipient subject text status attempts lastError createdAt sentAt } }
    }
  }
`);

// ───── alliance ─────
export const AllianceQuery = graphql(`
  query Alliance($id: ID!) {
    alliance(id: $id) {
      id
      name
      municipality
      description
      quorumShare
      partners { id status joinedOn organisation { id name shortName kind legalDomains } }
      members { id roles user { id displayName organisation { id } } }
    }
  }
`);
export const NetworkQuery = graphql(`
  query Network($allianceId: ID!) {
    tasks(allianceId: $allianceId, first: 100) {
      totalCount
      edges { node { id leadPartner { id } contributingPartners { id } } }
    }
  }
`);
export const HandoverLinksQuery = graphql(`
  query HandoverLinks { handovers { id from { id } to { id } } }
`);

// ───── dashboard ─────
export const DashboardQuery = graphql(`
  query Dashboard($allianceId: ID!, $from: DateTime!) {
    myTasks(first: 50) { edges { node { id title status priority dueOn leadPartner { id organisation { shortName name } } } } }
    meetings(allianceId: $allianceId, from: $from, status: [SCHEDULED, IN_PROGRESS]) { id title kind status startsAt location }
    alliance(id: $allianceId) {
      id
      goals(status: ACTIVE) {
        id
        title
        taskProgress
        indicators { id name unit baseline target current measurements { id value observedOn } }
      }
    }
  }
`);
export const IncomingHandoversQuery = graphql(`
  query IncomingHandovers {
    handovers(incoming: true, status: [REQUESTED]) {
      id categories message requestedAt status
      case { id reference }
      from { id name shortName }
    }
  }
`);

// ───── goals ─────
export const GoalsQuery = graphql(`
  query Goals($allianceId: ID!) {
    alliance(id: $allianceId) {
      id
      goals {
        id
        title
        description
        status
        startsOn
        dueOn
        taskProgress
        parent { id }
        ownerPartners { id organisation { shortName name } }
        indicators { id name unit baseline target current measurements { id value observedOn note } }
      }
    }
  }
`);
export const CreateGoalMutation = graphql(`
  mutation CreateGoal($input: CreateGoalInput!) { createGoal(input: $input) { id } }
`);
export const AddIndicatorMutation = graphql(`
  mutation AddIndicator($input: AddIndicatorInput!) { addIndicator(input: $input) { id } }
`);
export const RecordMeasurementMutation = graphql(`
  mutation RecordMeasurement($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id value observedOn } }
`);

// ───── tasks ─────
export const TaskCardFields = graphql(`
  fragment TaskCardFields on Task {
    id title status priority dueOn version updatedAt
    leadPartner { id organisation { id shortName name } }
    contributingPartners { id organisation { id shortName name } }
    assignee { id displayName }
    goal { id title }
    viewerCan { update changeStatus comment addDependency }
  }
`);
export const TasksQuery = graphql(`
  query Tasks($allianceId: ID!, $filter: TaskFilter, $first: Int, $after: String) {
    tasks(allianceId: $allianceId, filter: $filter, first: $first, after: $after, orderBy: DUE_ON) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...TaskCardFields } }
    }
  }
`);
export const TaskGoalsQuery = graphql(`
  query TaskGoals($allianceId: ID!) { alliance(id: $allianceId) { id goals { id title status } } }
`);
export const TaskPermissionsQuery = graphql(`
  query TaskPermissions($allianceId: ID!) {
    alliance(id: $allianceId) { id taskPermissions { createTask ownOrganisationTakesPart } }
  }
`);
export const CaseworkPermissionsQuery = graphql(`
  query CaseworkPermissions { caseworkPermissions { openCase } }
`);
export const TaskEventsSubscription = graphql(`
  subscription TaskEvents($allianceId: ID!) { taskEvents(allianceId: $allianceId) { change task { id title } } }
`);
export const CreateTaskMutation = graphql(`
  mutation CreateTask($input: CreateTaskInput!) { createTask(input: $input) { id title } }
`);
export const TaskQuery = graphql(`
  query Task($id: ID!) {
    task(id: $id) {
      ...TaskCardFields
      description
      createdAt
      completedAt
      goal { id title }
      decision { id number title }
      blockedBy { id title status }
      blocking { id title status }
      comments { id body createdAt author { id displayName } }
      alliance { id }
    }
  }
`);
export const UpdateTaskMutation = graphql(`
  mutation UpdateTask($id: ID!, $input: UpdateTaskInput!) { updateTask(id: $id, input: $input) { ...TaskCardFields } }
`);
export const CommentMutation = graphql(`
  mutation Comment($taskId: ID!, $body: String!) { commentOnTask(taskId: $taskId, body: $body) { id } }
`);
export const AddDependencyMutation = graphql(`
  mutation AddDependency($taskId: ID!, $blockedById: ID!) { addTaskDependency(taskId: $taskId, blockedById: $blockedById) { id } }
`);
export const RemoveDependencyMutation = graphql(`
  mutation RemoveDependency($taskId: ID!, $blockedById: ID!) { removeTaskDependency(taskId: $taskId, blockedById: $blockedById) { id } }
`);

// ───── meetings ─────
export const MeetingsQuery = graphql(`
  query Meetings($allianceId: ID!) {
    meetings(allianceId: $allianceId) { id title kind status startsAt endsAt location facilitator { id displayName } }
    calendarFeed { url }
  }
`);
export const ScheduleMeetingMutation = graphql(`
  mutation ScheduleMeeting($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }
`);
export const RotateCalendarFeedMutation = graphql(`
  mutation RotateCalendarFeed { rotateCalendarFeed { url } }
`);
export const MeetingQuery = graphql(`
  query Meeting($id: ID!) {
    meeting(id: $id) {
      id title kind status startsAt endsAt location quorate
      alliance { id quorumShare }
      facilitator { id displayName }
      invitedPartners { id organisation { id name shortName } }
      agenda {
        id position title description durationMinutes presenter { id organisation { shortName } }
        approvesMinutesOf { id title startsAt status }
      }
      attendance { status partner { id } attendees { id displayName } }
      decisions {
        id number title text outcome votesFor votesAgainst abstentions consensus
        agendaItem { id position }
        followUpTasks { id title leadPartner { organisation { shortName } } }
        amends { id number }
        amendedBy { id number }
      }
      minutes {
        text status approvedAt approvedBy { displayName } savedBy { displayName }
        approvalDecision { id number meeting { id title } }
      }
    }
  }
`);
export const StartMeetingMutation = graphql(
  `mutation StartMeeting($id: ID!) { startMeeting(id: $id) { id status } }`,
);
export const CancelMeetingMutation = graphql(`
  mutation CancelMeeting($id: ID!, $reason: String) { cancelMeeting(id: $id, reason: $reason) { id status } }
`);
export const AdjournMeetingMutation = graphql(
  `mutation AdjournMeeting($id: ID!) { adjournMeeting(id: $id) { id status } }`,
);
export const AddAgendaItemMutation = graphql(`
  mutation AddAgendaItem($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }
`);
export const RecordAttendanceMutation = graphql(`
  mutation RecordAttendance($input: RecordAttendanceInput!) { recordAttendance(input: $input) { status } }
`);
export const RecordDecisionMutation = graphql(`
  mutation RecordDecision($input: RecordDecisionInput!) { recordDecision(input: $input) { id number } }
`);
export const CorrectDecisionMutation = graphql(`
  mutation CorrectDecision($id: ID!, $input: CorrectDecisionInput!) { correctDecision(id: $id, input: $input) { id title text outcome } }
`);
export const SaveMinutesMutation = graphql(`
  mutation SaveMinutes($meetingId: ID!, $text: String!) { saveMinutes(meetingId: $meetingId, text: $text) { status } }
`);
export const ApproveMinutesMutation = graphql(`
  mutation ApproveMinutes($meetingId: ID!) { approveMinutes(meetingId: $meetingId) { status approvedAt } }
`);

// ───── cases ─────
export const CasesQuery = graphql(`
  query Cases($filter: CaseFilter) {
    cases(filter: $filter, first: 100) {
      totalCount
      edges { node { id reference status supportAreas openedAt owner { id name shortName } caseWorker { id displayName } } }
    }
  }
`);
export const OpenCaseMutation = graphql(`
  mutation OpenCase($input: OpenCaseInput!) { openCase(input: $input) { id reference } }
`);
export const CaseQuery = graphql(`
  query Case($id: ID!) {
    case(id: $id) {
      id reference status supportAreas openedAt closedAt visibleCategories version closingReason
      possibleDuplicates { id reference }
      owner { id name shortName }
      caseWorker { id displayName }
      identity { givenName familyName dateOfBirth }
      contact { phone email address }
      language { germanLevel otherLanguages note }
      residence { status permitValidUntil note }
      educationEmployment { qualifications recognitionStatus jobWishes note }
      housing { situation note }
      family { householdSize childrenCount note }
      health { note }
      consents {
        id categories purpose form evidenceReference informedInLanguage interpreterUsed validFrom validUntil status withdrawnAt recordedAt
        recipients { id name shortName }
        legalBasis { code citation }
        approvedBy { id displayName }
      }
      handovers {
        id categories message status requestedAt respondedAt declineReason outcome accessActive
        accessEndedAt accessEndReason completedAt cancelReason awaitingApproval viewerCanDecideBasis
        legalBasis { code citation }
        completedBy { id displayName }
        requestedBy { id displayName email phone organisation { id name } }
        from { id name shortName }
        to { id name shortName }
        consent { id status withdrawalNote }
      }
    }
  }
`);
export const DisclosuresQuery = graphql(`
  query Disclosures($caseId: ID!) {
    disclosures(caseId: $caseId, first: 100) {
      totalCount
      edges { node { id at categories reader { id displayName } organisation { id name shortName } } }
    }
  }
`);
export const RecordConsentMutation = graphql(`
  mutation RecordConsent($input: RecordConsentInput!) { recordConsent(input: $input) { id } }
`);
export const WithdrawConsentMutation = graphql(`
  mutation WithdrawConsent($id: ID!, $note: String) { withdrawConsent(id: $id, note: $note) { id status } }
`);
export const RequestHandoverMutation = graphql(`
  mutation RequestHandover($input: RequestHandoverInput!) { requestHandover(input: $input) { id status } }
`);
export const AcceptHandoverMutation = graphql(
  `mutation AcceptHandover($id: ID!) { acceptHandover(id: $id) { id status } }`,
);
export const DeclineHandoverMutation = graphql(`
  mutation DeclineHandover($id: ID!, $reason: String!) { declineHandover(id: $id, reason: $reason) { id status } }
`);
export const CancelHandoverMutation = graphql(`
  mutation CancelHandover($id: ID!, $reason: String) { cancelHandover(id: $id, reason: $reason) { id status } }
`);
export const CompleteHandoverMutation = graphql(`
  mutation CompleteHandover($id: ID!, $outcome: String!) { completeHandover(id: $id, outcome: $outcome) { id status } }
`);
