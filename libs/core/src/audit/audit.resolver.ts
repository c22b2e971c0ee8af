import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { type Actor, Allow, CurrentActor } from '../auth/actor.js';
import { AuditService } from './audit.service.js';
import { AuditConnection, AuditEntryModel, AuditVerification } from './audit.models.js';
import { AuditVerificationService } from './audit-verification.service.js';

@Resolver(() => AuditEntryModel)
export class AuditResolver {
  constructor(
    private readonly audit: AuditService,
    private readonly verification: AuditVerificationService,
  ) {}

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

  @Query(() => AuditVerification, {
    description:
      'Verifies the audit chain from the latest signed checkpoint to its head, and reports the last full verification (a background run). An ALLIANCE_ADMIN learns only whether the chain is intact and figures of their own alliances.',
  })
  @Allow.signedIn(
    'platform administrator; an ALLIANCE_ADMIN of any alliance (validity and their own alliances’ figures only)',
  )
  verifyAuditChain(@CurrentActor() actor: Actor) {
    return this.verification.verify(actor);
  }
}
