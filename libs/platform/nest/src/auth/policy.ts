import { SetMetadata, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Role, Viewer } from '@alternance/platform/domain';

export const POLICY_KEY = 'alternance:policy';

/**
 * Every query, mutation and field resolver declares who may call it. A resolver with no
 * policy is refused at run time (fail closed), so a forgotten decorator cannot leak.
 */
export type Policy = { kind: 'public' } | { kind: 'roles'; roles: Role[] };

/** Anyone, signed in or not. */
export const Public = () => SetMetadata(POLICY_KEY, { kind: 'public' } satisfies Policy);

/** Signed-in callers with one of these roles; ownership is then checked by the service. */
export const Roles = (...roles: Role[]) => SetMetadata(POLICY_KEY, { kind: 'roles', roles } satisfies Policy);

/** Any signed-in caller. */
export const Authenticated = () => Roles(...Object.values(Role));

export interface RequestContext {
  viewer: Viewer | null;
  /** A token was sent but could not be verified: reported only when a resolver needs a viewer. */
  authError?: Error;
  req?: unknown;
}

export function requestContextOf(context: ExecutionContext): RequestContext {
  return GqlExecutionContext.create(context).getContext<RequestContext>();
}

/** The caller, or null when anonymous. */
export const CurrentViewer = createParamDecorator((_: unknown, context: ExecutionContext) => requestContextOf(context).viewer);
