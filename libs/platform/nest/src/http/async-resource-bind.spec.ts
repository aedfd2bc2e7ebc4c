import { AsyncLocalStorage, AsyncResource, executionAsyncId, triggerAsyncId } from 'node:async_hooks';
import { bindMakesAccessorsPerCall, installLeanAsyncResourceBind, leanBind } from './async-resource-bind';

const nodeBind = AsyncResource.prototype.bind;
type Bind = <F extends (...args: any[]) => unknown>(this: AsyncResource, fn: F, thisArg?: unknown) => F;

afterAll(() => {
  AsyncResource.prototype.bind = nodeBind;
});

describe.each([
  ['Node', nodeBind as Bind],
  ['lean', leanBind as Bind],
])('%s AsyncResource bind', (_name, bind) => {
  it('runs the function in the resource scope, with its this, arguments and result', () => {
    const resource = new AsyncResource('test', { triggerAsyncId: 1 });
    const seen: unknown[] = [];
    const bound = bind.call(resource, function (this: unknown, a: number, b: number) {
      seen.push(this, executionAsyncId(), triggerAsyncId());
      return a + b;
    });
    const self = { bound };
    expect(self.bound(2, 3)).toBe(5);
    expect(seen).toEqual([self, resource.asyncId(), 1]);
    expect(bound).toHaveLength(2);
  });

  it('uses thisArg when one is given', () => {
    const resource = new AsyncResource('test');
    const target = { name: 'target' };
    const bound = bind.call(
      resource,
      function (this: { name: string }, suffix: string) {
        return `${this.name}${suffix}`;
      },
      target,
    );
    expect(bound.call({ name: 'other' }, '!')).toBe('target!');
  });

  it('carries the async local store of where the resource was made', () => {
    const storage = new AsyncLocalStorage<string>();
    const resource = storage.run('request 1', () => new AsyncResource('test'));
    const bound = bind.call(resource, () => storage.getStore());
    expect(storage.run('request 2', () => bound())).toBe('request 1');
    expect(bound()).toBe('request 1');
  });

  it('keeps the deprecated asyncResource property readable and writable', () => {
    const resource = new AsyncResource('test');
    const other = new AsyncResource('other');
    const warning = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const bound = bind.call(resource, () => undefined) as unknown as { asyncResource: AsyncResource };
      expect(bound.asyncResource).toBe(resource);
      bound.asyncResource = other;
      expect(bound.asyncResource).toBe(other);
      expect(Object.keys(bound)).toContain('asyncResource');
    } finally {
      warning.mockRestore();
    }
  });

  it('refuses what is not a function', () => {
    const resource = new AsyncResource('test');
    expect(() => bind.call(resource, 'nope' as never)).toThrow(expect.objectContaining({ name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' }));
  });
});

describe('lean bind', () => {
  it('warns once, under DEP0172, when the deprecated property is used', () => {
    // A fresh copy of the module: the tests above have used the property already.
    let fresh!: typeof leanBind;
    jest.isolateModules(() => {
      fresh = jest.requireActual<typeof import('./async-resource-bind')>('./async-resource-bind').leanBind;
    });
    const warning = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const bound = fresh.call(new AsyncResource('test'), () => undefined) as unknown as { asyncResource: AsyncResource };
      void bound.asyncResource;
      void bound.asyncResource;
      expect(warning).toHaveBeenCalledTimes(1);
      expect(warning).toHaveBeenCalledWith(expect.stringContaining('deprecated'), 'DeprecationWarning', 'DEP0172');
    } finally {
      warning.mockRestore();
    }
  });

  it('replaces bind only where it makes accessors per call, once', () => {
    const perCall = bindMakesAccessorsPerCall();
    expect(installLeanAsyncResourceBind()).toBe(perCall);
    expect(AsyncResource.prototype.bind).toBe(perCall ? leanBind : nodeBind);
    expect(bindMakesAccessorsPerCall()).toBe(false);
    expect(installLeanAsyncResourceBind()).toBe(false);
    // AsyncResource.bind (the static one) goes through the prototype's.
    const bound = AsyncResource.bind(() => executionAsyncId());
    expect(bound()).not.toBe(executionAsyncId());
  });
});
