/**
 * The stable error codes of the public API (see API.md). Clients branch on these, so a code
 * is never renamed; contexts add their own `reason` for detail.
 */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** Federated deployment: a service the query needs did not answer; retrying later may work. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** One invalid input field: `path` is dotted from the input root, e.g. `location.lat`. */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * The one base for failures a user can cause. `reason` is the context's own code
 * (e.g. `OFFER_NOT_EDITABLE`); the GraphQL edge turns `code` into `extensions.code`.
 */
export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly reason?: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
    this.name = 'DomainException';
  }
}

export class InvalidInputException extends DomainException {
  constructor(fields: FieldError[], reason = 'INVALID_INPUT') {
    const summary = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
    super(ErrorCode.BAD_USER_INPUT, `Invalid input. ${summary}`, reason, fields);
  }

  static field(path: string, message: string, reason?: string): InvalidInputException {
    return new InvalidInputException([{ path, message }], reason);
  }
}

export class NotFoundException extends DomainException {
  constructor(what: string, id: string) {
    super(ErrorCode.NOT_FOUND, `${what} ${id} was not found.`, `${what.toUpperCase().replace(/\s+/g, '_')}_NOT_FOUND`);
  }
}

export class ForbiddenException extends DomainException {
  constructor(message = 'You are not allowed to do this.', reason = 'FORBIDDEN') {
    super(ErrorCode.FORBIDDEN, message, reason);
  }
}

export class UnauthenticatedException extends DomainException {
  constructor(message = 'Sign in first: send a valid access token.', reason = 'UNAUTHENTICATED') {
    super(ErrorCode.UNAUTHENTICATED, message, reason);
  }
}

export class ConflictException extends DomainException {
  constructor(message: string, reason = 'CONFLICT') {
    super(ErrorCode.CONFLICT, message, reason);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs: anything else cannot name a row, and must not reach a uuid column. */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}
