import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { EntityManager } from '@mikro-orm/core';
import { UnauthenticatedException, isUuid } from '@alternance/platform/domain';
import { POLICY_KEY, Policy, requestContextOf } from '@alternance/platform/nest';
import { UserEntity } from '@alternance/identity/data-access';

/**
 * Access tokens are stateless, so one issued before an account was erased would still verify.
 * This guard checks once per request that the token's account exists; when it does not, the
 * caller is treated as anonymous (public fields still answer) and everything else is refused
 * with UNAUTHENTICATED / ACCOUNT_GONE.
 */
@Injectable()
export class AccountGuard implements CanActivate {
  private readonly checked = new WeakMap<object, Promise<boolean>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly em: EntityManager,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const request = requestContextOf(context);
    const viewer = request.viewer;
    if (!viewer) return true;
    let exists = this.checked.get(request);
    if (!exists) {
      exists = isUuid(viewer.userId) ? this.em.count(UserEntity, { id: viewer.userId }).then((n) => n > 0) : Promise.resolve(false);
      this.checked.set(request, exists);
    }
    if (await exists) return true;
    request.viewer = null;
    request.authError = new UnauthenticatedException('This account no longer exists.', 'ACCOUNT_GONE');
    const policy = this.reflector.getAllAndOverride<Policy | undefined>(POLICY_KEY, [context.getHandler(), context.getClass()]);
    if (policy?.kind === 'public') return true;
    throw request.authError;
  }
}
