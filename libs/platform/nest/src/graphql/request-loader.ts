/**
 * Loads by key for one GraphQL request: the keys asked for while the fields of one level resolve
 * go to `batch` together (one query for a list's N parents), and a key asked for twice in the
 * request is read once. Kept on the request's context object, so nothing outlives the request.
 */
export class RequestLoader<K, V> {
  private readonly done = new Map<K, Promise<V | null>>();
  private pending: { key: K; resolve: (value: V | null) => void; reject: (error: unknown) => void }[] = [];

  constructor(private readonly batch: (keys: K[]) => Promise<Map<K, V>>) {}

  load(key: K): Promise<V | null> {
    const known = this.done.get(key);
    if (known) return known;
    const promise = new Promise<V | null>((resolve, reject) => {
      if (!this.pending.length) process.nextTick(() => this.dispatch());
      this.pending.push({ key, resolve, reject });
    });
    this.done.set(key, promise);
    return promise;
  }

  private dispatch(): void {
    const waiting = this.pending;
    this.pending = [];
    this.batch([...new Set(waiting.map((w) => w.key))]).then(
      (found) => waiting.forEach((w) => w.resolve(found.get(w.key) ?? null)),
      (error: unknown) => {
        for (const w of waiting) {
          this.done.delete(w.key);
          w.reject(error);
        }
      },
    );
  }
}

const loaders = new WeakMap<object, Map<unknown, RequestLoader<unknown, unknown>>>();

/**
 * The request's loader for `kind` (any value that names it: a symbol, the batch function's
 * owner); created with `batch` on first use in the request.
 */
export function requestLoader<K, V>(context: object, kind: unknown, batch: (keys: K[]) => Promise<Map<K, V>>): RequestLoader<K, V> {
  let byKind = loaders.get(context);
  if (!byKind) loaders.set(context, (byKind = new Map()));
  let loader = byKind.get(kind) as RequestLoader<K, V> | undefined;
  if (!loader) byKind.set(kind, (loader = new RequestLoader(batch)) as RequestLoader<unknown, unknown>);
  return loader;
}
