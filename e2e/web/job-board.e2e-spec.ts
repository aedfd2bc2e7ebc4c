/// <reference lib="dom" />
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { OfferSourceEntity } from '@alternance/imports/data-access';
import { partnerFeedReaders } from '@alternance/imports/domain';
import { OfferImporter } from '@alternance/imports/feature';
import { Browser } from 'playwright-core';
import { APPRENTICE_PROFILE, Actor, PASSWORD, createOffer, signUpCandidate, signUpEmployer, upsertProfile } from '../support/actors';
import { TestApp, engine, startTestApp } from '../support/test-app';
import { WebApp, browserSuite, launchBrowser, logInThroughPage, startWebApp } from '../support/web-app';

/** The page's text as a person reads it (tags and the framework's inline data left out). */
function visibleText(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

browserSuite(`job board in the browser (${engine})`, () => {
  let t: TestApp;
  let web: WebApp;
  let browser: Browser;
  let employer: Actor;
  let baker: string;
  let hostile: string;
  let closed: string;
  let draft: string;

  beforeAll(async () => {
    t = await startTestApp();
    employer = await signUpEmployer(t, 'Boulangerie du Parc');
    baker = await createOffer(t, employer, {
      title: 'Boulanger en alternance',
      description: 'Fabrication des pains et viennoiseries.\n\nTravail en équipe, le matin.',
      romeCode: 'D1102',
      screeningQuestions: ['Avez-vous déjà travaillé en boulangerie ?'],
      salary: { min: 900, max: 1200, currency: 'EUR', period: 'MONTH' },
    });
    await createOffer(t, employer, {
      title: 'Pâtissier formé puis embauché',
      description: 'Une POE individuelle suivie d’un CDI.',
      romeCode: 'D1104',
      contractType: 'POEI',
      hireContract: { type: 'CDI' },
    });
    hostile = await createOffer(t, employer, { title: 'Boulanger <img src=x onerror="window.__pwned=1"> de nuit', description: '<script>window.__pwned=2</script> pains', romeCode: 'D1102' });
    closed = await createOffer(t, employer, { title: 'Boulanger de jour', romeCode: 'D1102' });
    await t.gql(`mutation ($id: ID!) { closeOffer(id: $id) { id } }`, { id: closed }, employer.token);
    draft = await createOffer(t, employer, { title: 'Brouillon de boulanger', romeCode: 'D1102' }, false);
    web = await startWebApp(t.url);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await t?.close();
  });

  it('lets a visitor search with a typo, filter, open an offer, and be asked to sign in to apply', async () => {
    const page = await browser.newPage();
    await page.goto(web.url);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.getByLabel('Métier, mot-clé').fill('boulangre');
    await Promise.all([page.waitForURL(/\/offres\?/), page.getByRole('button', { name: 'Rechercher' }).click()]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('boulangre');
    const first = page.locator('article').filter({ hasText: 'Boulanger en alternance' });
    // On failure, say what the page showed instead.
    await first.waitFor().catch(async (error: Error) => {
      throw new Error(`${error.message}\nThe page (${page.url()}) showed: ${(await page.textContent('body'))?.replace(/\s+/g, ' ').slice(0, 600)}`);
    });
    expect(await first.locator('mark').first().textContent()).toBe('Boulanger');
    const before = page.url();
    await page.getByLabel(/^POE collective/).check();
    await Promise.all([page.waitForURL(/contrat=POEC/), page.getByRole('button', { name: 'Appliquer les filtres' }).click()]);
    expect(await page.locator('article').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'sans le filtre « POE collective »' }).getAttribute('href')).toBe('/offres?q=boulangre');
    // The App Router restores the earlier page from history: wait for it rather than for a load.
    await page.goBack();
    await page.waitForURL((u) => u.href === before, { timeout: 10_000 });
    await page.locator('article').filter({ hasText: 'Boulanger en alternance' }).waitFor();
    await Promise.all([page.waitForURL(/\/offres\/[0-9a-f-]+-boulanger-en-alternance$/), page.getByRole('link', { name: 'Boulanger en alternance' }).click()]);
    expect(await page.locator('h1').textContent()).toBe('Boulanger en alternance');
    expect(await page.textContent('main')).toContain('Avez-vous déjà travaillé en boulangerie ?');
    await Promise.all([page.waitForURL(/\/connexion\?suite=/), page.getByRole('link', { name: 'Connectez-vous pour postuler' }).click()]);
    expect(decodeURIComponent(page.url())).toContain(`/offres/${baker}-boulanger-en-alternance/postuler`);
    await page.close();
  }, 60_000);

  it('answers 503 with a readable page and Retry-After when the API cannot be reached', async () => {
    // An address where nothing listens: connections are refused at once.
    const orphan = await startWebApp('http://127.0.0.1:9');
    try {
      for (const path of ['/', '/en/offres?q=boulanger']) {
        const res = await fetch(`${orphan.url}${path}`);
        expect(res.status).toBe(503);
        expect(res.headers.get('retry-after')).toBe('10');
        expect(visibleText(await res.text())).toMatch(/indisponible|unavailable/i);
      }
    } finally {
      await orphan.close();
    }
  });

  it('keeps the search in the URL: a shared link renders the same results on the server, in English too', async () => {
    const res = await fetch(`${web.url}/en/offres?q=patissier&contrat=POEI`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('lang="en"');
    const text = visibleText(html);
    expect(text).toContain('Pâtissier formé puis embauché');
    expect(text).toContain('POE: trained, then hired');
    expect(text).not.toContain('Boulanger en alternance');
  });

  it('offers the nearest job title when the words find nothing', async () => {
    // No offer here is a florist's (offers are also found by their occupation's labels).
    const html = await (await fetch(`${web.url}/offres?q=fleuriste+decorateru`)).text();
    expect(visibleText(html)).toContain('Aucune offre ne correspond à cette recherche.');
    expect(html).toMatch(/Vouliez-vous dire :(<!-- -->)?\s*<a [^>]*href="\/offres\?q=Fleuriste-d(?:é|%C3%A9)corateur(?:\+|%20)floral"/);
    expect(visibleText(await (await fetch(`${web.url}/offres?q=zzzzqqqq`)).text())).not.toContain('Vouliez-vous dire');
  });

  it('ignores unknown and malformed query parameters', async () => {
    const res = await fetch(`${web.url}/offres?foo=bar&contrat=XYZ&rayon=abc&tri=SIDEWAYS&apres=%%%&page=-4&lat=999`);
    expect(res.status).toBe(200);
    expect(visibleText(await res.text())).toContain('Boulanger en alternance');
  });

  it('answers 404 for unknown and draft offers, 410 with similar offers for a closed one', async () => {
    expect((await fetch(`${web.url}/offres/00000000-0000-4000-8000-000000000000-rien`)).status).toBe(404);
    expect((await fetch(`${web.url}/offres/${draft}`)).status).toBe(404);
    expect((await fetch(`${web.url}/nulle-part`)).status).toBe(404);
    const gone = await fetch(`${web.url}/offres/${closed}-boulanger-de-jour`);
    expect(gone.status).toBe(410);
    const text = visibleText(await gone.text());
    expect(text).toContain('Cette offre n’est plus disponible');
    expect(text).toContain('Boulanger en alternance');
  });

  it('describes an offer as a schema.org JobPosting with the fields job search engines require', async () => {
    const html = await (await fetch(`${web.url}/offres/${baker}-boulanger-en-alternance`)).text();
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1];
    const posting = JSON.parse(json!);
    expect(posting).toMatchObject({
      '@context': 'https://schema.org/',
      '@type': 'JobPosting',
      title: 'Boulanger en alternance',
      hiringOrganization: { '@type': 'Organization', name: 'Boulangerie du Parc' },
      jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', postalCode: '69003', addressCountry: 'FR' } },
      baseSalary: { currency: 'EUR', value: { minValue: 900, maxValue: 1200, unitText: 'MONTH' } },
      directApply: true,
    });
    expect(posting.description).toBe('<p>Fabrication des pains et viennoiseries.</p><p>Travail en équipe, le matin.</p>');
    expect(Date.parse(posting.datePosted)).not.toBeNaN();
    expect(Date.parse(posting.validThrough)).toBeGreaterThan(Date.parse(posting.datePosted));
    expect(posting.employmentType.length).toBeGreaterThan(0);
    expect(html).toContain('<link rel="canonical"');
    expect(html).toContain('property="og:title"');
  });

  it('renders a hostile offer as text: nothing it holds runs, on the results page or its own', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${web.url}/offres?q=nuit`);
    const card = page.locator('article').filter({ hasText: 'de nuit' });
    await card.waitFor();
    expect(await card.locator('img').count()).toBe(0);
    expect(await card.locator('h3').textContent()).toBe('Boulanger <img src=x onerror="window.__pwned=1"> de nuit');
    await page.goto(`${web.url}/offres/${hostile}`);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  }, 60_000);

  it('sends a nonce-based Content-Security-Policy without unsafe-inline scripts, and every script carries the nonce', async () => {
    const res = await fetch(`${web.url}/offres`);
    const csp = res.headers.get('content-security-policy') ?? '';
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
    expect(nonce).toBeTruthy();
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    const html = await res.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts.filter((s) => !s.includes('application/ld+json'))) expect(tag).toContain(`nonce="${nonce}"`);
    const again = await fetch(`${web.url}/offres`);
    expect(again.headers.get('content-security-policy')).not.toBe(csp);
  });

  it('searches, opens offers, signs in and applies with JavaScript disabled', async () => {
    const candidate = await signUpCandidate(t, 'Noé Lambert');
    await upsertProfile(t, candidate, { ...APPRENTICE_PROFILE, desiredRomeCodes: ['D1102'] });
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(web.url);
    await page.getByLabel('Métier, mot-clé').fill('boulanger');
    await page.getByLabel('Lieu').fill('69003');
    await Promise.all([page.waitForURL(/lieu=69003/), page.getByRole('button', { name: 'Rechercher' }).click()]);
    expect(await page.locator('#results-count').textContent()).toMatch(/offres? à moins de 30 km de Lyon/);
    await Promise.all([page.waitForURL(/boulanger-en-alternance$/), page.getByRole('link', { name: 'Boulanger en alternance' }).click()]);
    await Promise.all([page.waitForURL(/\/connexion/), page.getByRole('link', { name: 'Connectez-vous pour postuler' }).click()]);
    await page.getByLabel('Adresse e-mail').fill(candidate.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill('not the password at all');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForLoadState();
    expect(await page.textContent('main')).toContain('Adresse e-mail ou mot de passe incorrect.');
    await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
    await Promise.all([page.waitForURL(/\/postuler$/), page.getByRole('button', { name: 'Se connecter' }).click()]);
    await page.getByRole('button', { name: 'Envoyer ma candidature' }).click();
    await page.waitForLoadState();
    expect(await page.textContent('main')).toContain('Répondez à cette question.');
    await page.getByLabel('Avez-vous déjà travaillé en boulangerie ?').fill('Oui, deux étés.');
    await page.getByLabel('Votre message à l’employeur').fill('Bonjour, je suis motivé.');
    await Promise.all([page.waitForURL(/\/espace\/candidatures\//), page.getByRole('button', { name: 'Envoyer ma candidature' }).click()]);
    const mine = await t.gql(`{ myApplications { edges { node { offer { id } message answers { answer } } } } }`, {}, candidate.token);
    expect(mine.data!.myApplications.edges).toEqual([{ node: { offer: { id: baker }, message: 'Bonjour, je suis motivé.', answers: [{ answer: 'Oui, deux étés.' }] } }]);
    await context.close();
  }, 90_000);

  it('refuses a server action posted from another origin', async () => {
    const candidate = await signUpCandidate(t, 'Lou Perrin');
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${web.url}/connexion`);
    let posted: { body: string; headers: Record<string, string> } | null = null;
    page.on('request', (req) => {
      if (req.method() === 'POST') posted = { body: req.postData() ?? '', headers: req.headers() };
    });
    await page.getByLabel('Adresse e-mail').fill(candidate.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
    await Promise.all([page.waitForURL(/\/espace/), page.getByRole('button', { name: 'Se connecter' }).click()]);
    expect(posted).not.toBeNull();
    const { body, headers } = posted!;
    const replay = (origin: string) =>
      fetch(`${web.url}/connexion`, { method: 'POST', redirect: 'manual', body, headers: { 'content-type': headers['content-type']!, origin } });
    const foreign = await replay('https://evil.example');
    expect(foreign.headers.get('set-cookie') ?? '').not.toContain('alternance_session=');
    expect(foreign.status).not.toBe(303);
    const same = await replay(web.url);
    expect(same.headers.get('set-cookie') ?? '').toContain('alternance_session=');
    await context.close();
  }, 60_000);

  it('keeps the session in an httpOnly SameSite=Lax cookie that scripts cannot read, and forgets an erased account', async () => {
    const candidate = await signUpCandidate(t, 'Sami Roux');
    const context = await browser.newContext();
    const page = await logInThroughPage(context, web.url, candidate.email, PASSWORD);
    const [cookie] = (await context.cookies()).filter((c) => c.name === 'alternance_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('alternance_session');
    const personal = await fetch(`${web.url}/espace`, { headers: { cookie: `alternance_session=${cookie!.value}` }, redirect: 'manual' });
    expect(personal.headers.get('cache-control')).toMatch(/private/);
    expect(personal.headers.get('cache-control')).toMatch(/no-store/);
    await t.gql(`mutation ($p: String!) { deleteMyAccount(password: $p) }`, { p: PASSWORD }, candidate.token);
    await page.goto(`${web.url}/offres`);
    expect(await page.getByRole('link', { name: 'Se connecter' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Mon espace' }).count()).toBe(0);
    await page.goto(`${web.url}/espace`);
    expect(new URL(page.url()).pathname).toBe('/connexion');
    await context.close();
  }, 60_000);

  it("sends candidates to the partner's page for an offer imported from a partner feed, without JavaScript", async () => {
    const feed = path.resolve(__dirname, '../../../shared/data/offers/partner-feeds/apec-import-apec.xml');
    const run = await t.app.get(OfferImporter).run({ reader: partnerFeedReaders.apec, input: createReadStream(feed), location: feed });
    expect(run.created).toBeGreaterThan(0);
    const source = await t.orm.em.fork().findOneOrFail(OfferSourceEntity, { source: 'apec', externalId: '177777865W' }, { populate: ['offer'] });
    const offer = source.offer.getEntity();
    expect(offer.status).toBe('PUBLISHED');
    const candidate = await signUpCandidate(t, 'Inès Robert');
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await logInThroughPage(context, web.url, candidate.email, PASSWORD);
    await page.goto(`${web.url}/offres/${offer.id}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.textContent('main')).toContain('Cette offre vient d’un site partenaire : la candidature se fait chez lui.');
    const link = page.getByRole('link', { name: /Postuler sur le site du partenaire/ });
    expect(await link.getAttribute('href')).toBe(offer.applyUrl);
    expect(await link.getAttribute('rel')).toContain('nofollow');
    // No form of ours: the form's address leads back to the offer.
    expect(await page.getByRole('link', { name: 'Postuler', exact: true }).count()).toBe(0);
    await page.goto(`${web.url}/offres/${offer.id}/postuler`);
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/offres/${offer.id}-`));
    await context.close();
  }, 90_000);
});
