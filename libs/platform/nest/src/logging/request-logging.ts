import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { LoggerService } from '@nestjs/common';

/** What the GraphQL layer adds to a request's log line. */
export interface RequestLogRecord {
  requestId: string;
  operationName?: string;
  operationType?: string;
  errorCodes?: string[];
}

const records = new WeakMap<object, RequestLogRecord>();

/** The log record of a request (created on first use). */
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

/**
 * One line per request: method, path (never the query string: GET /graphql carries variables
 * there), status, duration, request id (from a sane X-Request-Id, else generated, and sent
 * back in the response), and for GraphQL the operation name, type and error codes.
 */
export function requestLogging(logger: LoggerService | undefined, options: RequestLoggingOptions = {}) {
  const quiet = new Set(options.quietPaths ?? []);
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    const record = requestLogRecord(req);
    record.requestId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('X-Request-Id', record.requestId);
    if (logger) {
      res.once('close', () => {
        const path = (req.originalUrl ?? req.url).split('?')[0].slice(0, 200);
        const line = {
          event: 'request',
          requestId: record.requestId,
          method: req.method,
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
    next();
  };
}
