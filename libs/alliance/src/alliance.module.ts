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
import { MembershipService } from './memberships/membership.service.js';
import { InvitationRepository } from './invitations/invitation.repository.js';
import { InvitationResolver } from './invitations/invitation.resolver.js';
import { InvitationService } from './invitations/invitation.service.js';

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
    InvitationRepository,
    InvitationService,
    InvitationResolver,
  ],
  exports: [AllianceService, AdminBootstrapService],
})
export class AllianceModule {}
