import { Module } from '@nestjs/common';
import { PubSubModule } from '../../core/src/index.js';
import { AllianceModule } from '../../alliance/src/index.js';
import { IdentityModule } from '../../identity/src/index.js';
import { CaseDataRepository } from './case-data.repository.js';
import { CaseDataService } from './case-data.service.js';
import { CaseExportService } from './case-export.service.js';
import { CaseRepository } from './case.repository.js';
import { CaseService } from './case.service.js';
import { CaseResolver, ConsentResolver, DisclosureResolver, HandoverResolver } from './casework.resolver.js';
import { ConsentHandoverService } from './consent-handover.service.js';
import { ConsentRepository } from './consent.repository.js';
import { DisclosureRepository } from './disclosure.repository.js';
import { HandoverRepository } from './handover.repository.js';
import { HandoverEventsResolver } from './handover-events.resolver.js';
import { CaseworkPermissionsResolver } from './casework-permissions.resolver.js';
import { HandoverEventsService } from './handover-events.service.js';
import { CaseCrypto } from './crypto/case-crypto.service.js';
import { CaseworkDemoSeeder } from './demo/casework-demo.seeder.js';
import { ConsentEvidenceController } from './consent-evidence/consent-evidence.controller.js';
import { ConsentEvidenceRepository } from './consent-evidence/consent-evidence.repository.js';
import { ConsentEvidenceService } from './consent-evidence/consent-evidence.service.js';
import { ConsentEvidenceResolver, ConsentPaperResolver } from './consent-paper.resolver.js';
import { ConsentSheetController } from './consent-sheet/consent-sheet.controller.js';
import { ConsentSheetService } from './consent-sheet/consent-sheet.service.js';
import { FhirController } from './fhir/fhir.controller.js';
import { FhirService } from './fhir/fhir.service.js';
import { RetentionService } from './retention/retention.service.js';
import { CaseworkNoticeRepository } from './notices/casework-notice.repository.js';
import { CaseworkNotices } from './notices/casework-notices.service.js';
import { CaseStatisticsRepository } from './statistics/case-statistics.repository.js';
import { CaseStatisticsService } from './statistics/case-statistics.service.js';
import { CaseDuplicatesService } from './case-duplicates.service.js';
import { CaseMaintenanceResolver } from './case-maintenance.resolver.js';
import { HandoverBasisService } from './statutory/handover-basis.service.js';
import {
  ConsentBasisResolver,
  DisclosureBasisResolver,
  HandoverBasisResolver,
} from './statutory/handover-basis.resolver.js';

@Module({
  imports: [PubSubModule, IdentityModule, AllianceModule],
  controllers: [FhirController, ConsentSheetController, ConsentEvidenceController],
  providers: [
    CaseCrypto,
    CaseRepository,
    CaseDataRepository,
    ConsentRepository,
    HandoverRepository,
    DisclosureRepository,
    CaseDataService,
    CaseExportService,
    CaseService,
    ConsentHandoverService,
    HandoverEventsService,
    HandoverEventsResolver,
    RetentionService,
    CaseworkNoticeRepository,
    CaseworkNotices,
    CaseResolver,
    CaseworkPermissionsResolver,
    ConsentResolver,
    HandoverResolver,
    DisclosureResolver,
    CaseworkDemoSeeder,
    FhirService,
    CaseStatisticsRepository,
    CaseStatisticsService,
    ConsentSheetService,
    ConsentEvidenceRepository,
    ConsentEvidenceService,
    ConsentPaperResolver,
    ConsentEvidenceResolver,
    CaseDuplicatesService,
    CaseMaintenanceResolver,
    HandoverBasisService,
    HandoverBasisResolver,
    ConsentBasisResolver,
    DisclosureBasisResolver,
  ],
  exports: [CaseworkDemoSeeder, CaseCrypto, RetentionService, CaseStatisticsService],
})
export class CaseworkModule {}
