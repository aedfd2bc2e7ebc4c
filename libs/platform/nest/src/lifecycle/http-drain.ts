import type { Server } from 'node:http';
import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

export interface DrainOutcome {
  /** Every request accepted before or during the drain finished within the timeout. */
  completed: boolean;
  /** Requests still running when the timeout cut their connections. */
  cut: number;
}

/**
 * Graceful stop of the HTTP side: counts requests in flight; on drain, stops accepting
 * connections, asks clients to close theirs (Connection: close on every response from then
 * on), serves what arrives on connections already open, and once nothing has been running for
 * `settleMs` closes the remaining (idle) connections. After `timeoutMs` whatever still runs is cut.
 *
 * Idle connections are not closed at once: a connection the server has accepted may hold a
 * request it has not read yet (the event loop was busy), and closing it would reset a request
 * the client already sent.
 */
export class HttpDrain {
  private readonly inFlight = new Set<ServerResponse>();
  private draining = false;
  private lastActivity = 0;
  private changed?: () => void;

  get isDraining(): boolean {
    return this.draining;
  }

  get inFlightCount(): number {
    return this.inFlight.size;
  }

  /** The `onRequest` hook that counts a request in flight until its connection is done with it. */
  hook() {
    return (_request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
      const res = reply.raw;
      this.inFlight.add(res);
      this.lastActivity = Date.now();
      if (this.draining) res.setHeader('Connection', 'close');
      res.once('close', () => {
        this.inFlight.delete(res);
        this.lastActivity = Date.now();
        this.changed?.();
      });
      done();
    };
  }

  async drain(server: Server, timeoutMs: number, settleMs = 250): Promise<DrainOutcome> {
    this.draining = true;
    this.lastActivity = Date.now();
    server.close();
    for (const res of this.inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    const deadline = Date.now() + timeoutMs;
    const completed = await new Promise<boolean>((resolve) => {
      const check = () => {
        if (this.inFlight.size === 0 && Date.now() - this.lastActivity >= settleMs) return finish(true);
        if (Date.now() >= deadline) return finish(false);
      };
      const timer = setInterval(check, Math.min(50, settleMs));
      const finish = (done: boolean) => {
        clearInterval(timer);
        this.changed = undefined;
        resolve(done);
      };
      this.changed = check;
      check();
    });
    const cut = this.inFlight.size;
    server.closeAllConnections();
    return { completed, cut };
  }
}
