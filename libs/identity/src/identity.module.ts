import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountRepository } from './account/account.repository.js';
import { AccountResolver } from './account/account.resolver.js';
import { AccountService } from './account/account.service.js';
import { AccessGuard } from './auth/access.guard.js';
import { SecondFactorRepository } from './second-factor/second-factor.repository.js';
import { SecondFactorResolver } from './second-factor/second-factor.resolver.js';
import { SecondFactorService } from './second-factor/second-factor.service.js';
import { AuthResolver } from './auth/auth.resolver.js';
import { AuthService } from './auth/auth.service.js';
import { GqlLocalGuard } from './auth/gql-local.guard.js';
import { SessionRepository } from './auth/session.repository.js';
import { MembershipEntity } from './users/membership.entity.js';
import { UserEntity } from './users/user.entity.js';
import { AuditActorResolver } from './users/audit-actor.resolver.js';
import { MembershipUserResolver } from './users/membership-user.resolver.js';
import { UserRepository } from './users/user.repository.js';
import { UsersService } from './users/users.service.js';
import { OidcClientService } from './oidc/oidc-client.service.js';
import { OidcController } from './oidc/oidc.controller.js';
import { OidcRepository } from './oidc/oidc.repository.js';
import { OidcResolver } from './oidc/oidc.resolver.js';
import { OidcSignInService } from './oidc/oidc-sign-in.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, MembershipEntity]), JwtModule.register({})],
  controllers: [OidcController],
  providers: [
    AuthService,
    UserRepository,
    SessionRepository,
    UsersService,
    AccountRepository,
    AccountService,
    AccountResolver,
    SecondFactorRepository,
    SecondFactorService,
    SecondFactorResolver,
    GqlLocalGuard,
    AuthResolver,
    MembershipUserResolver,
    AuditActorResolver,
    OidcClientService,
    OidcRepository,
    OidcSignInService,
    OidcResolver,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [UsersService, AuthService, AccountService, SecondFactorService],
})
export class IdentityModule {}
