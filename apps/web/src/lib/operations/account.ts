import { graphql } from '../graphql';

export const MeQuery = graphql(`
  query Me {
    me { id displayName email role organization { id name } }
  }
`);

export const LogInMutation = graphql(`
  mutation LogIn($input: LogInInput!) {
    logIn(input: $input) { accessToken expiresAt user { id role } }
  }
`);

export const SignUpMutation = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) { accessToken expiresAt user { id role } }
  }
`);
