import http from 'node:http';
import https from 'node:https';

export interface SubgraphFetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/**
 * How the gateway reaches a subgraph: one plain HTTP request on a kept-alive connection, the
 * body read whole, answered as a standard `Response`. Lighter per request than the fetch API
 * (the gateway makes one or more of these for every client request), with a deadline for the
 * whole exchange. Rejects on a refused, reset or timed-out connection.
 */
export function subgraphFetcher(timeoutMs: number): (url: string, init?: SubgraphFetchInit) => Promise<Response> {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: 256 }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: 256 }),
  };
  return (url, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      const target = new URL(url);
      const transport = target.protocol === 'https:' ? https : http;
      const agent = agents[target.protocol as 'http:' | 'https:'];
      if (!agent) return reject(new Error(`unsupported protocol ${target.protocol}`));
      const req = transport.request(target, { method: init.method ?? 'POST', headers: init.headers, agent, timeout: timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          clearTimeout(deadline);
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
          }
          const status = res.statusCode ?? 502;
          resolve(new Response(status === 204 || status === 304 ? null : Buffer.concat(chunks), { status, statusText: res.statusMessage, headers }));
        });
      });
      const fail = (error: Error) => {
        clearTimeout(deadline);
        reject(error);
      };
      // `timeout` above catches an idle socket; this bounds the whole exchange.
      const deadline = setTimeout(() => req.destroy(Object.assign(new Error('subgraph timed out'), { name: 'TimeoutError' })), timeoutMs);
      req.on('timeout', () => req.destroy(Object.assign(new Error('subgraph timed out'), { name: 'TimeoutError' })));
      req.on('error', fail);
      req.end(init.body);
    });
}
