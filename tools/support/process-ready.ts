import type { ChildProcess } from 'node:child_process';

/**
 * Waits until a process started from dist/ answers its readiness probe (`healthUrl`, 200), and
 * fails as soon as it exits, or at `deadline` (a `Date.now()` value). Shared by the federated
 * launcher, the e2e process helper and the benchmarks.
 */
export async function waitUntilReady(name: string, child: ChildProcess, healthUrl: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before it was ready`);
    try {
      if ((await fetch(healthUrl, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} was not ready at ${healthUrl} in time`);
}
