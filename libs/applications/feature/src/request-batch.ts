/**
 * Collects the keys asked for while GraphQL resolves one level of a response (the fields of
 * every item of a list), then loads them with one call. Lives for one request: results are
 * cached per key, so a value read twice in a response is loaded once.
 */
export class RequestBatch<K, V> {
  private pending: { key: K; resolve: (value: V | undefined) => void; reject: (error: unknown) => void }[] = [];
  private readonly cache = new Map<K, Promise<V | undefined>>();

  constructor(private readonly load: (keys: K[]) => Promise<Map<K, V>>) {}

  get(key: K): Promise<V | undefined> {
    const cached = this.cache.get(key);
    if (cached) return cached;
    const promise = new Promise<V | undefined>((resolve, reject) => {
      // setImmediate runs after every resolver of this level has asked (they only await microtasks).
      if (!this.pending.length) setImmediate(() => void this.dispatch());
      this.pending.push({ key, resolve, reject });
    });
    this.cache.set(key, promise);
    return promise;
  }

  private async dispatch(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      const values = await this.load([...new Set(batch.map((p) => p.key))]);
      for (const p of batch) p.resolve(values.get(p.key));
    } catch (error) {
      for (const p of batch) {
        this.cache.delete(p.key);
        p.reject(error);
      }
    }
  }
}

/** One set of batches per request, keyed by the GraphQL context object of that request. */
export class PerRequest<T> {
  private readonly byRequest = new WeakMap<object, T>();

  constructor(private readonly create: () => T) {}

  of(context: object): T {
    let value = this.byRequest.get(context);
    if (!value) {
      value = this.create();
      this.byRequest.set(context, value);
    }
    return value;
  }
}
