import type { LoggerService } from '@nestjs/common';

/**
 * SIGTERM and SIGINT stop a process the way a deployment expects: `close` runs once (letting
 * in-flight work finish), then the process exits 0, or 1 when closing failed. A second signal
 * (Ctrl-C twice) gives up waiting and exits 1 at once.
 */
export function exitOnStopSignals(close: () => Promise<unknown>, logger?: LoggerService): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger?.log({ event: 'signal', signal }, 'lifecycle');
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger?.error({ event: 'shutdown.failed', error: error instanceof Error ? error.name : typeof error }, 'lifecycle');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
