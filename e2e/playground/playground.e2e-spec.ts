/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import { Browser, chromium } from 'playwright-core';
import { signUpCandidate } from '../support/actors';
import { TestApp, startTestApp } from '../support/test-app';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI === 'true') throw new Error(`Chromium not found at ${CHROMIUM}: .ci/run installs Debian's chromium package.`);
if (!available) console.warn(`Playground browser test skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH).`);

const suite = available ? describe : describe.skip;

suite('GraphQL playground in a browser', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** Opens the playground, picks one of its saved operations, runs it, and reads the result pane. */
  async function runSavedOperation(tab: string, headers?: Record<string, string>): Promise<{ text: string; foreign: string[] }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const foreign: string[] = [];
    page.on('request', (req) => {
      if (!req.url().startsWith(t.url)) foreign.push(req.url());
    });
    await page.goto(`${t.url}/graphql`);
    await page.waitForSelector('.graphiql-query-editor .CodeMirror', { timeout: 30_000 });
    await page.click(`.graphiql-tab:has-text("${tab}")`);
    await page.waitForFunction((name) => document.querySelector('.graphiql-query-editor .CodeMirror-code')?.textContent?.includes(` ${name}`), tab);
    if (headers) {
      await page.click('button:has-text("Headers")');
      await page.waitForSelector('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror');
      await page.evaluate((h) => {
        const editors = Array.from(document.querySelectorAll('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror'));
        (editors[0] as unknown as { CodeMirror: { setValue(v: string): void } }).CodeMirror.setValue(JSON.stringify(h, null, 2));
      }, headers);
    }
    // GraphiQL settles its state a moment after an editor changes, as a person's click would allow.
    await page.waitForTimeout(500);
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(() => /"(data|errors)"/.test(document.querySelector('.result-window')?.textContent ?? ''), null, { timeout: 30_000 });
    const text = (await page.textContent('.result-window')) ?? '';
    await context.close();
    return { text, foreign };
  }

  it('serves GraphiQL from the API itself and runs a query, with no request leaving the server', async () => {
    const { text, foreign } = await runSavedOperation('Occupations');
    expect(text).toContain('"code": "M1805"');
    expect(foreign).toEqual([]);
  }, 60_000);

  it('sends the Authorization header set in the playground', async () => {
    const candidate = await signUpCandidate(t, 'Playground User');
    const { text } = await runSavedOperation('Me', { Authorization: `Bearer ${candidate.token}` });
    expect(text).toContain(candidate.email);
    expect(text).toContain('"role": "CANDIDATE"');
    const anonymous = await runSavedOperation('Me');
    expect(anonymous.text).toContain('UNAUTHENTICATED');
  }, 60_000);

  it('opens with saved example operations', async () => {
    const res = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
    const html = await res.text();
    expect(res.headers.get('content-type')).toContain('text/html');
    for (const name of ['mutation LogIn', 'query Me', 'query Occupations', 'query Programs', 'mutation CreateOffer']) expect(html).toContain(name);
  });
});
