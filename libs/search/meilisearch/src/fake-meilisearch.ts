import http from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A stand-in for a Meilisearch server that speaks its documented HTTP API (indexes, settings,
 * documents, tasks, multi-search, stats): it records every request and answers with the
 * documented response shapes, so the adapter's requests and its reading of responses and
 * task states can be tested where no real server can run. It does not search: tests give it
 * the search responses to return.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

interface FakeTask {
  uid: number;
  indexUid: string | null;
  type: string;
  /** Polls left before the task leaves "enqueued"/"processing". */
  pollsLeft: number;
  outcome: 'succeeded' | 'failed';
}

export class FakeMeilisearch {
  readonly requests: RecordedRequest[] = [];
  readonly indexes = new Map<string, { primaryKey: string | null; documents: Map<string, Record<string, unknown>>; settings: unknown }>();
  /**
   * Responses for POST /multi-search, consumed in order; a function is called with the request
   * body, for answers that depend on it (Meilisearch writes the requested highlight tags).
   */
  readonly searchResponses: (unknown | ((body: any) => unknown))[] = [];
  /**
   * Answers a search query itself when no response is queued: given the index's stored settings
   * and documents (as the adapter sent them) and one query of the multi-search body, returns
   * that query's result. Tests plug in a model of Meilisearch's ranking here.
   */
  searcher?: (index: { settings: unknown; documents: Record<string, unknown>[] }, query: any) => unknown;
  /** The next task created fails (Meilisearch reports failures on the task, not the request). */
  failNextTask: string | null = null;
  private tasks = new Map<number, FakeTask & { error: { message: string; code: string; type: string; link: string } | null }>();
  private nextTaskUid = 0;
  private server?: http.Server;
  url = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => {
        const [path, query = ''] = (req.url ?? '').split('?');
        const body = raw ? JSON.parse(raw) : undefined;
        this.requests.push({ method: req.method ?? '', path, query, headers: req.headers, body });
        const [status, payload] = this.route(req.method ?? '', path, query, body);
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(payload === undefined ? '' : JSON.stringify(payload));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  requestsTo(method: string, path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && r.path === path);
  }

  private enqueue(indexUid: string | null, type: string, apply: () => void): [number, unknown] {
    const uid = this.nextTaskUid++;
    const failed = this.failNextTask;
    this.failNextTask = null;
    const error = failed ? { message: failed, code: 'invalid_document_fields', type: 'invalid_request', link: 'https://docs.meilisearch.com/errors#invalid_document_fields' } : null;
    this.tasks.set(uid, { uid, indexUid, type, pollsLeft: 2, outcome: failed ? 'failed' : 'succeeded', error });
    if (!failed) apply();
    return [202, { taskUid: uid, indexUid, status: 'enqueued', type, enqueuedAt: new Date().toISOString() }];
  }

  private notFound(code: string, message: string): [number, unknown] {
    return [404, { message, code, type: 'invalid_request', link: `https://docs.meilisearch.com/errors#${code}` }];
  }

  private route(method: string, path: string, query: string, body: any): [number, unknown] {
    let m: RegExpExecArray | null;
    if (method === 'GET' && (m = /^\/tasks\/(\d+)$/.exec(path))) {
      const task = this.tasks.get(Number(m[1]));
      if (!task) return this.notFound('task_not_found', 'Task not found.');
      task.pollsLeft--;
      const status = task.pollsLeft > 0 ? 'processing' : task.outcome;
      return [200, { uid: task.uid, indexUid: task.indexUid, status, type: task.type, details: {}, error: status === 'failed' ? task.error : null, duration: null, enqueuedAt: new Date().toISOString(), startedAt: null, finishedAt: null }];
    }
    if (method === 'POST' && path === '/indexes') {
      return this.enqueue(body.uid, 'indexCreation', () => this.indexes.set(body.uid, { primaryKey: body.primaryKey ?? null, documents: new Map(), settings: {} }));
    }
    if (method === 'POST' && path === '/multi-search') {
      const queued = this.searchResponses.shift();
      let response = typeof queued === 'function' ? queued(body) : queued;
      if (!response && this.searcher) {
        try {
          response = {
            results: (body.queries as { indexUid: string }[]).map((query) => {
              const index = this.indexes.get(query.indexUid);
              if (!index) throw new Error(`Index \`${query.indexUid}\` not found.`);
              return { indexUid: query.indexUid, ...(this.searcher!({ settings: index.settings, documents: [...index.documents.values()] }, query) as object) };
            }),
          };
        } catch (error) {
          return [400, { message: (error as Error).message, code: 'invalid_search', type: 'invalid_request', link: '' }];
        }
      }
      if (!response) return [500, { message: 'no search response queued', code: 'internal', type: 'internal', link: '' }];
      return [200, response];
    }
    if ((m = /^\/indexes\/([^/]+)(\/.*)?$/.exec(path))) {
      const uid = decodeURIComponent(m[1]);
      const rest = m[2] ?? '';
      const index = this.indexes.get(uid);
      if (method === 'GET' && rest === '') {
        return index ? [200, { uid, primaryKey: index.primaryKey, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() }] : this.notFound('index_not_found', `Index \`${uid}\` not found.`);
      }
      if (!index) return this.notFound('index_not_found', `Index \`${uid}\` not found.`);
      if (method === 'PATCH' && rest === '/settings') return this.enqueue(uid, 'settingsUpdate', () => (index.settings = body));
      if (method === 'POST' && rest === '/documents') {
        return this.enqueue(uid, 'documentAdditionOrUpdate', () => {
          for (const doc of body as Record<string, unknown>[]) index.documents.set(String(doc.id), doc);
        });
      }
      if (method === 'POST' && rest === '/documents/delete-batch') {
        return this.enqueue(uid, 'documentDeletion', () => {
          for (const id of body as string[]) index.documents.delete(String(id));
        });
      }
      if (method === 'DELETE' && rest === '/documents') return this.enqueue(uid, 'documentDeletion', () => index.documents.clear());
      if (method === 'GET' && (m = /^\/documents\/([^/]+)$/.exec(rest))) {
        const doc = index.documents.get(decodeURIComponent(m[1]));
        return doc ? [200, doc] : this.notFound('document_not_found', `Document \`${m[1]}\` not found.`);
      }
      if (method === 'GET' && rest === '/stats') return [200, { numberOfDocuments: index.documents.size, isIndexing: false, fieldDistribution: {} }];
    }
    void query;
    return [501, { message: `fake Meilisearch does not implement ${method} ${path}`, code: 'not_implemented', type: 'internal', link: '' }];
  }
}
