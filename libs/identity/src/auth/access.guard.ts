import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  type AccessRule,
  ALLOW_KEY,
  DomainError,
  ErrorCode,
  logger,
  requestFrom,
} from '../../../core/src/index.js';
import { AuthService } from './auth.service.js';
import { DURING_ENROLMENT_KEY } from '../second-factor/during-enrolment.js';

/**
 * Deny by default: an operation without an @Allow rule is refused; every other rule needs a valid
 * access token except `public`. Object-level checks follow in the services.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ALLOW_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) {
      logger.error({ handler: context.getHandler().name }, 'operation without access rule refused');
      throw DomainError.forbidden('Operation not allowed');
    }
    const req = requestFrom(context);
    if (rule.kind === 'public') return true;
    if (!req.user) {
      const header: string | undefined = req.headers?.authorization;
      const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
      const actor = token ? await this.auth.actorFromToken(token) : null;
      if (!actor) throw DomainError.unauthenticated();
      req.user = actor;
    }
    if (
      req.user.secondFactorPending &&
      !this.reflector.getAllAndOverride<boolean>(DURING_ENROLMENT_KEY, [
        context.getHandler(),
        context.getClass(),
      ])
    )
      throw new DomainError(ErrorCode.SECOND_FACTOR_REQUIRED, 'Set up the second factor first');
    if (rule.kind === 'platformAdmin' && !req.user.platformAdmin)
      throw DomainError.forbidden('Platform administrators only');
    return true;
  }
}
