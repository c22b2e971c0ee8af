import { graphql } from '../gql';

/** The paper side of a case's consents: the sheet's languages and the signed scan. */
export const ConsentPaperQuery = graphql(`
  query ConsentPaper($id: ID!) {
    case(id: $id) {
      id
      consents {
        id
        sheetLanguages { code name germanName rightToLeft }
        evidence { mediaType byteSize uploadedAt uploadedBy { id displayName } }
      }
    }
  }
`);
