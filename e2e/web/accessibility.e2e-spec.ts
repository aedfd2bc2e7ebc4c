/// <reference lib="dom" />
import { Browser, BrowserContext } from 'playwright-core';
import { APPRENTICE_PROFILE, Actor, PASSWORD, createOffer, signUpCandidate, signUpEmployer, upsertProfile } from '../support/actors';
import { TestApp, engine, startTestApp } from '../support/test-app';
import { WebApp, axeViolations, browserSuite, launchBrowser, logInThroughPage, startWebApp } from '../support/web-app';

const WIDTHS = [375, 1280] as const;

browserSuite(`accessibility of the web pages (${engine})`, () => {
  let t: TestApp;
  let web: WebApp;
  let browser: Browser;
  let employer: Actor;
  let candidate: Actor;
  let offer: string;
  let gone: string;
  let organizationId: string;
  let programId: string;

  beforeAll(async () => {
    t = await startTestApp();
    employer = await signUpEmployer(t, 'Atelier Accessible');
    organizationId = (await t.gql(`{ me { organization { id } } }`, {}, employer.token)).data!.me.organization.id;
    programId = (await t.gql(`{ programs(filter: { romeCode: "M1805" }, first: 1) { edges { node { id } } } }`)).data!.programs.edges[0].node.id;
    offer = await createOffer(t, employer, { screeningQuestions: ['Quel langage préférez-vous ?'], programIds: [programId] });
    gone = await createOffer(t, employer, { title: 'Intégrateur web' });
    await t.gql(`mutation ($id: ID!) { closeOffer(id: $id) { id } }`, { id: gone }, employer.token);
    candidate = await signUpCandidate(t, 'Awa Diallo');
    await upsertProfile(t, candidate, APPRENTICE_PROFILE);
    web = await startWebApp(t.url);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await t?.close();
  });

  const publicPages = () => [
    '/',
    '/offres',
    '/offres?q=developpeur&lieu=69003',
    '/offres?q=zzzzqqqq',
    `/offres/${offer}`,
    `/offres/${gone}`,
    `/employeurs/${organizationId}`,
    `/formations/${programId}`,
    '/connexion',
    '/inscription',
    '/cette-page-n-existe-pas',
  ];

  /** Each page once per language, checked at both widths (the layout changes, not the content). */
  async function check(context: BrowserContext, paths: string[]): Promise<string[]> {
    const found: string[] = [];
    const page = await context.newPage();
    for (const prefix of ['', '/en']) {
      for (const path of paths) {
        await page.setViewportSize({ width: WIDTHS[0], height: 900 });
        await page.goto(`${web.url}${prefix}${path === '/' && prefix ? '' : path}`);
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          for (const v of await axeViolations(page)) found.push(`${width}px ${prefix || '/fr'} ${path}: ${v.id} (${v.impact}) on ${v.nodes.slice(0, 3).join(', ')}`);
        }
      }
    }
    await page.close();
    return found;
  }

  it('has no WCAG 2.2 A or AA violation that axe-core finds, signed out, in both languages and at both widths', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    expect(await check(context, publicPages())).toEqual([]);
    await context.close();
  }, 240_000);

  it('has none signed in either, on the candidate’s space and the application form with its errors', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await logInThroughPage(context, web.url, candidate.email, PASSWORD);
    await page.close();
    const space = ['/espace', '/espace/profil', '/espace/offres', '/espace/candidatures', '/espace/invitations', '/espace/notifications', '/espace/alertes', '/espace/donnees'];
    expect(await check(context, [...publicPages().slice(0, 5), `/offres/${offer}/postuler`, ...space])).toEqual([]);
    const form = await context.newPage();
    await form.goto(`${web.url}/offres/${offer}/postuler`);
    await form.getByRole('button', { name: 'Envoyer ma candidature' }).click();
    await form.getByRole('alert', { name: 'Le formulaire contient des erreurs :' }).waitFor();
    expect(await axeViolations(form)).toEqual([]);
    await context.close();
  }, 240_000);

  it('lets a person apply with the keyboard alone, with a skip link and visible focus', async () => {
    const other = await signUpCandidate(t, 'Hugo Marchand');
    await upsertProfile(t, other, APPRENTICE_PROFILE);
    const context = await browser.newContext();
    const page = await logInThroughPage(context, web.url, other.email, PASSWORD);
    await page.goto(`${web.url}/offres/${offer}`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Aller au contenu');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    // Tab through the page to the Apply link, then follow it with Enter.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Postuler') break;
    }
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Postuler');
    await Promise.all([page.waitForURL(/\/postuler$/), page.keyboard.press('Enter')]);
    // Submitting empty moves focus to the error summary, whose link leads to the field.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Envoyer ma candidature') break;
    }
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'alert', null, { timeout: 10_000 });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-answer0');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    await page.keyboard.type('TypeScript, pour ses types.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Bonjour !');
    await page.keyboard.press('Tab');
    await Promise.all([page.waitForURL(/\/espace\/candidatures\//), page.keyboard.press('Enter')]);
    const mine = await t.gql(`{ myApplications { edges { node { offer { id } answers { answer } } } } }`, {}, other.token);
    expect(mine.data!.myApplications.edges).toEqual([{ node: { offer: { id: offer }, answers: [{ answer: 'TypeScript, pour ses types.' }] } }]);
    await context.close();
  }, 120_000);

  it('has none on the employer’s space either, nor on the offer form with its errors', async () => {
    const applicationId = (
      await t.gql(`mutation ($input: ApplyInput!) { applyToOffer(input: $input) { id } }`, { input: { offerId: offer, answers: ['TypeScript.'] } }, candidate.token)
    ).data!.applyToOffer.id;
    const draft = await createOffer(t, employer, { title: 'Brouillon accessible' }, false);
    const candidateId = (await t.gql(`{ myCandidateProfile { id } }`, {}, candidate.token)).data!.myCandidateProfile.id;
    await upsertProfile(t, candidate, { visibility: 'ANONYMOUS', headline: 'Développeuse web' });
    const context = await browser.newContext({ bypassCSP: true });
    (await logInThroughPage(context, web.url, employer.email, PASSWORD)).close();
    const pages = [
      '/espace',
      '/espace/entreprise',
      '/espace/annonces',
      '/espace/annonces/nouvelle',
      `/espace/annonces/${offer}`,
      `/espace/annonces/${offer}/modifier`,
      `/espace/annonces/${offer}/candidatures`,
      `/espace/annonces/${offer}/candidatures?vue=liste`,
      `/espace/annonces/${offer}/talents`,
      `/espace/candidatures-recues/${applicationId}`,
      '/espace/talents?q=web',
      `/espace/talents/${candidateId}`,
      '/espace/notifications',
      `/offres/${draft}`,
    ];
    expect(await check(context, pages)).toEqual([]);
    const form = await context.newPage();
    await form.goto(`${web.url}/espace/annonces/nouvelle`);
    await form.getByLabel('POE individuelle').check();
    await form.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await form.getByRole('alert', { name: 'Le formulaire contient des erreurs :' }).waitFor();
    expect(await axeViolations(form)).toEqual([]);
    await context.close();
  }, 300_000);

  it('lets an employer post an offer and move an application with the keyboard alone', async () => {
    const context = await browser.newContext();
    const page = await logInThroughPage(context, web.url, employer.email, PASSWORD);
    const tabTo = async (accept: (el: { tag: string; label: string; name: string; value: string }) => boolean, limit = 120) => {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        const el = await page.evaluate(() => {
          const a = document.activeElement as HTMLInputElement | null;
          return { tag: a?.tagName ?? '', label: (a?.labels?.[0]?.textContent ?? a?.textContent ?? '').trim(), name: a?.name ?? '', value: a?.value ?? '' };
        });
        if (accept(el)) return;
      }
      throw new Error('the control was never reached with Tab');
    };
    await page.goto(`${web.url}/espace/annonces/nouvelle`);
    const typeInto = async (name: string, text: string) => {
      await tabTo((el) => el.name === name);
      await page.keyboard.type(text);
    };
    await typeInto('title', 'Développeur web au clavier');
    await typeInto('occupation', 'M1805');
    await page.keyboard.press('Escape');
    await typeInto('description', 'Un poste décrit sans souris.');
    await typeInto('place', '69003');
    await page.keyboard.press('Escape');
    // Radio groups: the checked option takes the focus, arrows change it.
    await tabTo((el) => el.name === 'remotePolicy');
    await page.keyboard.press('ArrowDown');
    // A date field takes its parts in the browser's own order (day first in French, month first in US English).
    const dateKeys = (iso: string) =>
      page.evaluate((value) => {
        const [y, m, d] = value.split('-');
        const order = new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2027, 0, 4)).map((p) => p.type);
        return order.filter((t) => t === 'day' || t === 'month' || t === 'year').map((t) => (t === 'day' ? d : t === 'month' ? m : y)).join('');
      }, iso);
    await typeInto('startEarliest', await dateKeys('2027-01-04'));
    await typeInto('startLatest', await dateKeys('2027-03-01'));
    await tabTo((el) => el.tag === 'BUTTON' && el.label === 'Enregistrer le brouillon');
    await Promise.all([
      page.waitForURL(/fait=created/, { timeout: 15_000 }).catch(async (error: Error) => {
        throw new Error(`${error.message}\n${await page.locator('[role=alert]').allTextContents()}`);
      }),
      page.keyboard.press('Enter'),
    ]);
    const created = /annonces\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    const saved = await t.gql(`query ($id: ID!) { offer(id: $id) { title romeCode remotePolicy startDate { earliest latest } location { postcode } } }`, { id: created }, employer.token);
    expect(saved.data!.offer).toEqual({
      title: 'Développeur web au clavier',
      romeCode: 'M1805',
      remotePolicy: 'HYBRID',
      startDate: { earliest: expect.stringMatching(/^2027-01-04/), latest: expect.stringMatching(/^2027-03-01/) },
      location: { postcode: '69003' },
    });

    // The board: the first card's stage select, an arrow to the next stage, then its button.
    await page.goto(`${web.url}/espace/annonces/${offer}/candidatures`);
    await tabTo((el) => el.name === 'status');
    await page.keyboard.press('ArrowDown');
    await tabTo((el) => el.tag === 'BUTTON' && el.label === 'Déplacer');
    await Promise.all([page.waitForURL(/fait=deplacee/), page.keyboard.press('Enter')]);
    const moved = await t.gql(`query ($id: ID!) { offer(id: $id) { applications(status: INTERVIEW) { totalCount } } }`, { id: offer }, employer.token);
    expect(moved.data!.offer.applications.totalCount).toBe(1);
    await context.close();
  }, 120_000);
});
