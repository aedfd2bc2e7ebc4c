import { json } from 'express';
import type { NextFunction, Request, Response } from 'express';

interface BodyParserError {
  status?: number;
  type?: string;
}

/** What a client sees for a body the parser refused: JSON like every other error, no stack. */
function refusal(error: BodyParserError, limitBytes: number): { status: number; message: string; reason: string } {
  if (error.type === 'entity.too.large') return { status: 413, message: `The request body is larger than ${limitBytes} bytes.`, reason: 'PAYLOAD_TOO_LARGE' };
  if (error.type === 'entity.parse.failed') return { status: 400, message: 'The request body is not valid JSON.', reason: 'MALFORMED_JSON' };
  const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 400;
  return { status, message: 'The request body could not be read.', reason: 'UNREADABLE_BODY' };
}

/**
 * The JSON body parser with BODY_LIMIT_BYTES. The limit is checked against Content-Length
 * before reading, and while reading a chunked body: an oversized body is read off and thrown
 * away, never held in memory. Its errors are answered here as GraphQL-shaped JSON (code BAD_REQUEST): Express's
 * default handler would answer HTML with a stack trace outside production.
 */
export function jsonBody(limitBytes: number) {
  const parse = json({ limit: limitBytes });
  return (req: Request, res: Response, next: NextFunction): void => {
    parse(req, res, (error?: unknown) => {
      if (!error) return next();
      const { status, message, reason } = refusal(error as BodyParserError, limitBytes);
      res.status(status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST', reason } }] });
    });
  };
}
