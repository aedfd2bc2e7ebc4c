import type { ApolloServerPlugin } from '@apollo/server';
import type { LoggerService } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { requestLogRecord } from './request-logging';

/** Stack frames only: an error's first line is its message, which may quote what a user sent. */
export function stackFrames(error: unknown): string[] {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 12)
    .map((line) => line.trim());
}

const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

/**
 * Adds the GraphQL operation (name and type) and the error codes to the request's log line,
 * and logs each INTERNAL_SERVER_ERROR with the error's class and stack frames: never its
 * message, the query, the variables or the result.
 */
export function operationLogPlugin<T extends { req?: unknown }>(logger: LoggerService | undefined): ApolloServerPlugin<T> {
  return {
    async requestDidStart({ contextValue }) {
      const req = contextValue?.req;
      if (!req || typeof req !== 'object') return;
      const record = requestLogRecord(req);
      return {
        async didResolveOperation({ operationName, operation }) {
          if (operationName && OPERATION_NAME.test(operationName)) record.operationName = operationName;
          if (operation) record.operationType = operation.operation;
        },
        async willSendResponse({ response, errors }) {
          if (response.body.kind !== 'single') return;
          const formatted = response.body.singleResult.errors ?? [];
          record.errorCodes = [...new Set(formatted.map((e) => String(e.extensions?.code ?? 'UNKNOWN')))];
          formatted.forEach((e, i) => {
            if (e.extensions?.code !== 'INTERNAL_SERVER_ERROR' || !logger) return;
            const original = unwrapResolverError(errors?.[i]);
            logger.error(
              {
                event: 'graphql.internal_error',
                requestId: record.requestId,
                ...(record.operationName ? { operationName: record.operationName } : {}),
                path: e.path,
                error: original instanceof Error ? original.name : typeof original,
                frames: stackFrames(original),
              },
              'graphql',
            );
          });
        },
      };
    },
  };
}
