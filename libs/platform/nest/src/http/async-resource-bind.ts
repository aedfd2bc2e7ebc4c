import { AsyncResource } from 'node:async_hooks';

const RESOURCE = Symbol('asyncResource');
let warned = false;

function warnDeprecated(): void {
  if (warned) return;
  warned = true;
  process.emitWarning('The asyncResource property on bound functions is deprecated', 'DeprecationWarning', 'DEP0172');
}

/** One accessor pair for every bound function, reading the resource each one carries. */
const ASYNC_RESOURCE_ACCESSOR: PropertyDescriptor = {
  configurable: true,
  enumerable: true,
  get(this: Record<symbol, unknown>) {
    warnDeprecated();
    return this[RESOURCE];
  },
  set(this: Record<symbol, unknown>, value: unknown) {
    warnDeprecated();
    this[RESOURCE] = value;
  },
};

/** What `AsyncResource.prototype.bind` does, with the accessor pair shared (see below). */
export function leanBind<F extends (...args: any[]) => unknown>(this: AsyncResource, fn: F, thisArg?: ThisParameterType<F>): F {
  return bindTo(this, fn, thisArg);
}

function bindTo<F extends (...args: any[]) => unknown>(resource: AsyncResource, fn: F, thisArg?: ThisParameterType<F>): F {
  if (typeof fn !== 'function') {
    throw Object.assign(new TypeError(`The "fn" argument must be of type function. Received ${fn === null ? 'null' : typeof fn}`), { code: 'ERR_INVALID_ARG_TYPE' });
  }
  const bound =
    thisArg === undefined
      ? function (this: unknown, ...args: unknown[]) {
          return resource.runInAsyncScope(fn, this, ...args);
        }
      : resource.runInAsyncScope.bind(resource, fn, thisArg);
  Object.defineProperties(bound, {
    length: { configurable: true, enumerable: false, writable: false, value: fn.length },
    [RESOURCE]: { configurable: true, enumerable: false, writable: true, value: resource },
    asyncResource: ASYNC_RESOURCE_ACCESSOR,
  });
  return bound as unknown as F;
}

/** Whether `AsyncResource.prototype.bind` gives each bound function accessors of its own. */
export function bindMakesAccessorsPerCall(): boolean {
  const resource = new AsyncResource('bind-probe');
  const noop = () => undefined;
  const a = Object.getOwnPropertyDescriptor(resource.bind(noop), 'asyncResource');
  const b = Object.getOwnPropertyDescriptor(resource.bind(noop), 'asyncResource');
  resource.emitDestroy();
  return !!a?.get && a.get !== b?.get;
}

/**
 * Node 20's `AsyncResource.prototype.bind` wraps the deprecated `asyncResource` accessor (DEP0172)
 * of every function it binds in two new `util.deprecate` wrappers, and re-parents each with
 * `Object.setPrototypeOf`. Fastify binds one callback per request body it reads, so this cost
 * about a sixth of the API's CPU per light read under load. Where bind behaves so, it is
 * replaced by one that does the same (the function runs in the resource's async scope with
 * the same `this` and arguments, keeps its `length`, and `asyncResource` still reads, writes
 * and warns once under DEP0172) with one accessor pair shared by every bound function. Node
 * lines whose bind has no per-call accessors are left alone. Idempotent.
 */
export function installLeanAsyncResourceBind(): boolean {
  if (AsyncResource.prototype.bind === (leanBind as unknown) || !bindMakesAccessorsPerCall()) return false;
  AsyncResource.prototype.bind = leanBind as typeof AsyncResource.prototype.bind;
  return true;
}
