import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../../identity/src/index.js';
import { AllianceEntity, OrganisationEntity, PartnerEntity } from './alliances/alliance.entities.js';
import { AllianceResolver } from './alliances/alliance.resolver.js';
import { MembershipAllianceResolver } from './alliances/membership-alliance.resolver.js';
import { OrganisationResolver } from './alliances/organisation.resolver.js';
import { PartnerResolver } from './alliances/partner.resolver.js';
import { UserAllianceResolver } from './alliances/user-alliance.resolver.js';
import { AllianceRepository } from './alliances/alliance.repository.js';
import { AllianceService } from './alliances/alliance.service.js';
import { OrganisationRepository } from './alliances/organisation.repository.js';
import { PartnerRepository } from './alliances/partner.repository.js';
import { AdministrationResolver } from './administration/administration.resolver.js';
import { AdministrationService } from './administration/administration.service.js';
import { AdminBootstrapService } from './bootstrap/admin-bootstrap.service.js';
import { AlliancePublicRecordResolver } from './public-record/public-record.resolver.js';
import { AlliancePublicRecordService } from './public-record/public-record.service.js';
import { MembershipService } from './memberships/membership.service.js';
import { InvitationRepository } from './invitations/invitation.repository.js';
import { InvitationResolver } from './invitations/invitation.resolver.js';
import { InvitationService } from './invitations/invitation.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([AllianceEntity, OrganisationEntity, PartnerEntity]), IdentityModule],
  providers: [
    AllianceRepository,
    OrganisationRepository,
    PartnerRepository,
    AllianceService,
    MembershipService,
    AdminBootstrapService,
    AllianceResolver,
    OrganisationResolver,
    PartnerResolver,
    UserAllianceResolver,
    MembershipAllianceResolver,
    InvitationRepository,
    InvitationService,
    InvitationResolver,
    AlliancePublicRecordService,
    AlliancePublicRecordResolver,
    AdministrationService,
    AdministrationResolver,
  ],
  exports: [AllianceService, AdminBootstrapService],
})
export class AllianceModule {}
