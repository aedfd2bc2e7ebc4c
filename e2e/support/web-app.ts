/// <reference lib="dom" />
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, Page, chromium } from 'playwright-core';
import { waitUntilReady } from '../../tools/support/process-ready';

const root = path.resolve(__dirname, '../..');

/** Debian's Chromium: required with CI=true, otherwise browser suites are skipped with a warning. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM);
if (!chromiumAvailable && process.env.CI === 'true') throw new Error(`Chromium not found at ${CHROMIUM}: .ci/run installs Debian's chromium package.`);

export function browserSuite(name: string, body: () => void): void {
  if (!chromiumAvailable) console.warn(`${name}: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).`);
  (chromiumAvailable ? describe : describe.skip)(name, body);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface WebApp {
  url: string;
  process: ChildProcess;
  output: string[];
  close(): Promise<void>;
}

/**
 * The web app's production build (made by the e2e global set-up) served by `next start` on a
 * random port, talking to the API at `apiUrl` as it does in production.
 */
export async function startWebApp(apiUrl: string, env: Record<string, string> = {}): Promise<WebApp> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', 'apps/web', '--hostname', '127.0.0.1', '--port', String(port)], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', API_URL: `${apiUrl}/graphql`, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (chunk) => output.push(String(chunk)));
  child.stderr!.on('data', (chunk) => output.push(String(chunk)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady('web', child, `${url}/robots.txt`, Date.now() + 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${error instanceof Error ? error.message : error}: ${output.join('')}`);
  }
  return {
    url,
    process: child,
    output,
    close: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** axe-core's WCAG 2.x A and AA rules (2.0, 2.1 and 2.2) on the page as it is now. */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string | null; nodes: string[] }[]> {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, options: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] }, resultTypes: ['violations'] });
  });
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** Signs in through the log-in page as a person would; the browser context keeps the cookie. */
export async function logInThroughPage(context: BrowserContext, webUrl: string, email: string, password: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${webUrl}/connexion`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/connexion')), page.getByRole('button', { name: 'Se connecter' }).last().click()]);
  return page;
}
