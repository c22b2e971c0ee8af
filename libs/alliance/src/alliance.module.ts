import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../../identity/src/index.js';
import { AllianceEntity, OrganisationEntity, PartnerEntity } from './alliances/alliance.entities.js';
import {
  AllianceResolver,
  MembershipAllianceResolver,
  OrganisationResolver,
  PartnerResolver,
  UserAllianceResolver,
} from './alliances/alliance.resolver.js';
import { AllianceService } from './alliances/alliance.service.js';
import { AdminBootstrapService } from './bootstrap/admin-bootstrap.service.js';
import { AlliancePublicRecordResolver } from './public-record/public-record.resolver.js';
import { AlliancePublicRecordService } from './public-record/public-record.service.js';
import { MembershipService } from './memberships/membership.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([AllianceEntity, OrganisationEntity, PartnerEntity]), IdentityModule],
  providers: [
    AllianceService,
    MembershipService,
    AdminBootstrapService,
    AllianceResolver,
    OrganisationResolver,
    PartnerResolver,
    UserAllianceResolver,
    MembershipAllianceResolver,
    AlliancePublicRecordService,
    AlliancePublicRecordResolver,
  ],
  exports: [AllianceService, AdminBootstrapService],
})
export class AllianceModule {}
