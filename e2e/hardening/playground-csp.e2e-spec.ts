/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { TestApp, engine, startTestApp } from '../support/test-app';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI === 'true') throw new Error(`Chromium not found at ${CHROMIUM}: .ci/run installs Debian's chromium package.`);
// The page does not depend on the database engine: one run is enough.
const suite = available && engine === 'sqlite' ? describe : describe.skip;

suite('playground under the Content-Security-Policy', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  }, 60_000);
  afterAll(async () => t?.close());

  it('loads GraphiQL, its editor workers and the sign-in panel, and runs a query, without a single policy violation', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (/content security policy|refused to/i.test(m.text())) problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load: ${e.violatedDirective} ${e.blockedURI}`));
      });
      const workers: string[] = [];
      page.on('worker', (w) => workers.push(new URL(w.url()).pathname));
      await page.goto(`${t.url}/graphql`);
      await page.waitForSelector('.graphiql-query-editor .monaco-editor', { timeout: 30_000 });
      await page.getByLabel('Email').fill('nobody@example.test');
      await page.getByLabel('Password').fill('wrong-password');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForFunction(() => /Sign-in failed/.test(document.querySelector('.playground-error')?.textContent ?? ''), null, { timeout: 30_000 });
      await page.locator('.graphiql-tab-button[title="Occupations"]').press('Enter');
      await page.waitForTimeout(500);
      await page.click('.graphiql-execute-button');
      await page.waitForFunction(() => /"data"/.test(document.querySelector('.graphiql-response')?.textContent ?? ''), null, { timeout: 30_000 });
      // Monaco's workers (the editor's, and the GraphQL one that validates the operation) run from the API's own files.
      expect(workers).toEqual(expect.arrayContaining(['/playground/assets/editor.worker.js', '/playground/assets/graphql.worker.js']));
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
