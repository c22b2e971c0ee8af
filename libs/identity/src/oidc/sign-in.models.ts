import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('IdentityProvider', { description: "The municipality's identity provider (OpenID Connect)." })
export class IdentityProviderModel {
  @Field({ description: 'Its name on the sign-in page: "Mit <displayName> anmelden".' })
  displayName: string;
  @Field({ description: 'Where the browser goes to sign in through it (a path of this portal).' })
  startUrl: string;
}

@ObjectType('SignInOptions', { description: 'The ways of signing in that this deployment offers.' })
export class SignInOptionsModel {
  @Field({
    description: 'False: `login` answers PASSWORD_SIGN_IN_DISABLED; only the identity provider signs in.',
  })
  password: boolean;
  @Field(() => IdentityProviderModel, { nullable: true, description: 'Null: none is configured.' })
  identityProvider: IdentityProviderModel | null;
}
