import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenException, UnauthenticatedException } from '@alternance/platform/domain';
import { POLICY_KEY, Policy, requestContextOf } from './policy';

@Injectable()
export class PolicyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const policy = this.reflector.getAllAndOverride<Policy | undefined>(POLICY_KEY, [context.getHandler(), context.getClass()]);
    if (!policy) {
      throw new ForbiddenException('This field has no access policy and is refused.', 'NO_POLICY');
    }
    if (policy.kind === 'public') return true;
    const { viewer, authError } = requestContextOf(context);
    if (!viewer) throw authError ?? new UnauthenticatedException();
    if (!policy.roles.includes(viewer.role)) {
      throw new ForbiddenException(`This needs one of the roles ${policy.roles.join(', ')}.`, 'ROLE_NOT_ALLOWED');
    }
    return true;
  }
}
