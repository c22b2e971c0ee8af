import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { type Actor, Allow, CurrentActor, DateScalar } from '../../core/src/index.js';
import { AllianceReportService } from './alliance-report.service.js';
import { AllianceReportModel } from './models/alliance-report.models.js';

@Resolver(() => AllianceReportModel)
export class AllianceReportResolver {
  constructor(private readonly reports: AllianceReportService) {}

  @Query(() => AllianceReportModel, { nullable: true })
  @Allow.signedIn(
    'members of the alliance (coordination parts); casework aggregates with disclosure control for COORDINATOR, ALLIANCE_ADMIN, CASE_WORKER; own organisation unsuppressed for CASE_WORKER; null for everyone else',
  )
  allianceReport(
    @CurrentActor() actor: Actor,
    @Args('allianceId', { type: () => ID }) allianceId: string,
    @Args('from', { type: () => DateScalar }) from: string,
    @Args('to', { type: () => DateScalar }) to: string,
  ) {
    return this.reports.allianceReport(actor, allianceId, from, to);
  }
}
