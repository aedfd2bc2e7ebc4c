import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { LoggerService } from '@nestjs/common';

/** What the GraphQL layer adds to a request's log line. */
export interface RequestLogRecord {
  requestId: string;
  operationName?: string;
  operationType?: string;
  errorCodes?: string[];
}

const records = new WeakMap<object, RequestLogRecord>();

/** The log record of a request (the HTTP framework's request object; created on first use). */
export function requestLogRecord(req: object): RequestLogRecord {
  let record = records.get(req);
  if (!record) {
    record = { requestId: randomUUID() };
    records.set(req, record);
  }
  return record;
}

/** An id a proxy or client may pass along; anything else (too long, odd characters) is replaced. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}

export interface RequestLoggingOptions {
  /** Paths logged at debug level only (health probes would drown everything else). */
  quietPaths?: string[];
}

/** The path of a request URL, without its query string (GET /graphql carries variables there). */
export function pathOf(url: string | undefined): string {
  const raw = url ?? '/';
  const query = raw.indexOf('?');
  return (query < 0 ? raw : raw.slice(0, query)).slice(0, 200);
}

/**
 * An `onRequest` hook writing one line per request once its connection is done with it: method,
 * path (never the query string), status, duration, request id (from a sane X-Request-Id, else
 * generated, and sent back in the response), and for GraphQL the operation name, type and
 * error codes. A response cut before its end is marked `aborted`.
 */
export function requestLogging(logger: LoggerService | undefined, options: RequestLoggingOptions = {}) {
  const quiet = new Set(options.quietPaths ?? []);
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    const started = process.hrtime.bigint();
    const record = requestLogRecord(request);
    record.requestId = requestIdFrom(request.headers['x-request-id']);
    reply.header('x-request-id', record.requestId);
    if (logger) {
      const res = reply.raw;
      res.once('close', () => {
        const path = pathOf(request.raw.url);
        const line = {
          event: 'request',
          requestId: record.requestId,
          method: request.method,
          path,
          status: res.statusCode,
          durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
          ...(record.operationType ? { operationType: record.operationType } : {}),
          ...(record.operationName ? { operationName: record.operationName } : {}),
          ...(record.errorCodes?.length ? { errorCodes: record.errorCodes } : {}),
          ...(res.writableFinished ? {} : { aborted: true }),
        };
        if (quiet.has(path)) logger.debug?.(line, 'http');
        else if (res.statusCode >= 500) logger.error(line, 'http');
        else logger.log(line, 'http');
      });
    }
    done();
  };
}
