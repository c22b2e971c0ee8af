import { Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { type Actor, Allow, CurrentActor } from '../../core/src/index.js';
import { isCaseWorker } from './casework.rules.js';

@ObjectType('CaseworkPermissions', {
  description:
    'What the caller may do in casework, decided by the same rules as the operations themselves; screens offer only these.',
})
export class CaseworkPermissionsModel {
  @Field({ description: 'openCase (and the case lists of their organisation).' })
  openCase: boolean;
}

/** Lets screens offer casework only to those the casework operations would serve. */
@Resolver(() => CaseworkPermissionsModel)
export class CaseworkPermissionsResolver {
  @Query(() => CaseworkPermissionsModel, {
    description: 'What the caller may do in casework; screens offer only these actions.',
  })
  @Allow.signedIn('any signed-in user: their own permissions')
  caseworkPermissions(@CurrentActor() actor: Actor): CaseworkPermissionsModel {
    // The rule openCase checks first (case.service.ts: only case workers open cases).
    return { openCase: isCaseWorker(actor) };
  }
}
