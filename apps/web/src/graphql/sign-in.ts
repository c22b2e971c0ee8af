import { graphql } from '../gql';

export const SignInOptionsQuery = graphql(`
  query SignInOptions { signInOptions { password identityProvider { displayName startUrl } } }
`);
export const CompleteSignInMutation = graphql(`
  mutation CompleteSignIn($code: String!) { completeSignIn(code: $code) { ...SessionFields } }
`);
