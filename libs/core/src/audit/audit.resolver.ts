import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { type Actor, Allow, CurrentActor } from '../auth/actor.js';
import { AuditService } from './audit.service.js';
import { AuditConnection, AuditEntryModel, AuditVerification } from './audit.model.js';

@Resolver(() => AuditEntryModel)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditConnection)
  @Allow.signedIn(
    'platform administrator: all entries; ALLIANCE_ADMIN: entries of their alliances; others: none',
  )
  auditLog(
    @CurrentActor() actor: Actor,
    @Args('allianceId', { type: () => ID, nullable: true }) allianceId?: string,
    @Args('entityType', { nullable: true }) entityType?: string,
    @Args('entityId', { type: () => ID, nullable: true }) entityId?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.audit.list(actor, { allianceId, entityType, entityId, first, after });
  }

  @Query(() => AuditVerification)
  @Allow.signedIn('platform administrator or an ALLIANCE_ADMIN of any alliance')
  verifyAuditChain(@CurrentActor() actor: Actor) {
    return this.audit.verify(actor);
  }
}
