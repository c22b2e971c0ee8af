import { graphql } from '../gql';

// ───── statutory handovers (four eyes) ─────
export const LegalBasesQuery = graphql(`
  query LegalBases { legalBases { code citation titleDe titleEn permitsHealth } }
`);
export const RequestStatutoryHandoverMutation = graphql(`
  mutation RequestStatutoryHandover($input: RequestHandoverInput!) {
    requestHandover(input: $input) { id status awaitingApproval }
  }
`);
export const ApproveHandoverBasisMutation = graphql(`
  mutation ApproveHandoverBasis($id: ID!) { approveHandoverBasis(id: $id) { id status awaitingApproval } }
`);
export const RejectHandoverBasisMutation = graphql(`
  mutation RejectHandoverBasis($id: ID!, $reason: String!) { rejectHandoverBasis(id: $id, reason: $reason) { id status } }
`);

// ───── case maintenance ─────
export const UpdateCaseDataMutation = graphql(`
  mutation UpdateCaseData($input: UpdateCaseDataInput!) { updateCaseData(input: $input) { id version } }
`);
export const CloseCaseMutation = graphql(`
  mutation CloseCase($id: ID!, $reason: CaseClosingReason) { closeCase(id: $id, reason: $reason) { id status } }
`);
export const ReopenCaseMutation = graphql(`
  mutation ReopenCase($id: ID!) { reopenCase(id: $id) { id status } }
`);
export const EraseCaseMutation = graphql(`
  mutation EraseCase($id: ID!) { eraseCase(id: $id) { id status } }
`);
export const PossibleDuplicateCasesQuery = graphql(`
  query PossibleDuplicateCases($familyName: String!, $dateOfBirth: Date!) {
    possibleDuplicateCases(familyName: $familyName, dateOfBirth: $dateOfBirth) { id reference openedAt }
  }
`);

// ───── the business contact on one's own profile ─────
export const MyContactQuery = graphql(`
  query MyContact { me { id email phone } }
`);
export const UpdateMyContactMutation = graphql(`
  mutation UpdateMyContact($phone: String) { updateMyContact(phone: $phone) { id phone } }
`);
