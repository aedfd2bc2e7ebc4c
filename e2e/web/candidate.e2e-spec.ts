/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { Browser, Page } from 'playwright-core';
import { Actor, PASSWORD, createOffer, signUpCandidate, signUpEmployer } from '../support/actors';
import { TestApp, engine, startTestApp } from '../support/test-app';
import { WebApp, browserSuite, launchBrowser, startWebApp } from '../support/web-app';

browserSuite(`the candidate's journey in the browser (${engine})`, () => {
  let t: TestApp;
  let web: WebApp;
  let browser: Browser;
  let employer: Actor;
  let webOffer: string;
  let invitedOffer: string;

  beforeAll(async () => {
    t = await startTestApp();
    employer = await signUpEmployer(t, 'Studio Numérique');
    webOffer = await createOffer(t, employer, { title: 'Développeuse web en alternance', screeningQuestions: ['Quel projet web avez-vous mené ?'] });
    invitedOffer = await createOffer(t, employer, { title: 'Intégratrice web en alternance' });
    web = await startWebApp(t.url);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await t?.close();
  });

  async function submitIn(page: Page, sectionId: string, button: string | RegExp = 'Enregistrer'): Promise<void> {
    await Promise.all([page.waitForLoadState(), page.locator(`#${sectionId}`).getByRole('button', { name: button, exact: typeof button === 'string' }).first().click()]);
    await page.waitForLoadState('networkidle');
  }

  it('signs up, builds a profile, gets offers for them, applies, follows the status, withdraws, accepts an invitation, exports and deletes', async () => {
    const email = `ines.${Date.now()}@example.org`;
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();

    // Sign up, with an error first.
    await page.goto(`${web.url}/inscription`);
    await page.getByLabel('Votre nom').fill('Inès Moreau');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill('court');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByText('Le mot de passe doit faire au moins 12 caractères.').first().waitFor();
    await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
    await Promise.all([page.waitForURL(/\/espace$/), page.getByRole('button', { name: 'Créer mon compte' }).click()]);

    // The profile: a wished occupation, where they live, their age, visibility.
    await page.goto(`${web.url}/espace/profil`);
    await page.getByLabel('Chercher un métier').fill('developpeur informatique');
    await submitIn(page, 'metiers', 'Chercher');
    await submitIn(page, 'metiers', /^Ajouter « Développeur \/ Développeuse informatique »/);
    expect(await page.locator('#metiers').textContent()).toContain('M1805');
    await page.getByLabel('Code postal de votre commune').fill('69003');
    await page.getByLabel('Distance maximale de trajet, en kilomètres').fill('30');
    await submitIn(page, 'mobilite');
    await page.getByLabel('Date de naissance').fill('2006-05-01');
    await submitIn(page, 'donnees-protegees');
    await page.locator('#visibilite').getByLabel('Anonyme').check();
    await submitIn(page, 'visibilite');
    const api = (await t.gql(`mutation ($i: LogInInput!) { logIn(input: $i) { accessToken } }`, { i: { email, password: PASSWORD } })).data!.logIn.accessToken as string;
    const profile = (await t.gql(`{ myCandidateProfile { id desiredRomeCodes birthDate visibility location { postcode } mobilityRadiusKm } }`, {}, api)).data!.myCandidateProfile;
    expect(profile).toMatchObject({ desiredRomeCodes: ['M1805'], birthDate: '2006-05-01', visibility: 'ANONYMOUS', location: { postcode: '69003' }, mobilityRadiusKm: 30 });

    // Offers for them, with reasons; apply from there.
    await page.goto(`${web.url}/espace/offres`);
    const card = page.locator('li', { hasText: 'Développeuse web en alternance' }).first();
    await card.waitFor();
    await Promise.all([page.waitForURL(/developpeuse-web-en-alternance$/), card.getByRole('link', { name: 'Développeuse web en alternance' }).click()]);
    expect(await page.textContent('main')).toContain('Vous remplissez les conditions de ce contrat.');
    await Promise.all([page.waitForURL(/\/postuler$/), page.getByRole('link', { name: 'Postuler' }).click()]);
    await page.getByLabel('Quel projet web avez-vous mené ?').fill('Un site pour une association de quartier.');
    await Promise.all([page.waitForURL(/\/espace\/candidatures\/[0-9a-f-]+/), page.getByRole('button', { name: 'Envoyer ma candidature' }).click()]);
    const applicationUrl = page.url().split('?')[0]!;
    const applicationId = applicationUrl.split('/').pop()!;

    // The employer moves it through the API; the candidate sees it.
    const moved = await t.gql(`mutation ($id: ID!) { moveApplication(id: $id, status: IN_REVIEW, note: "Nous lisons votre dossier.") { status } }`, { id: applicationId }, employer.token);
    expect(moved.errors).toBeUndefined();
    await page.goto(applicationUrl);
    expect(await page.textContent('main')).toContain('En cours d’examen');
    expect(await page.textContent('main')).toContain('Nous lisons votre dossier.');

    // Withdraw, after confirming.
    await page.getByRole('link', { name: 'Retirer ma candidature' }).first().click();
    await page.waitForLoadState();
    await Promise.all([page.waitForLoadState(), page.getByRole('button', { name: 'Oui, retirer ma candidature' }).click()]);
    await page.waitForLoadState('networkidle');
    expect((await t.gql(`query ($id: ID!) { application(id: $id) { status } }`, { id: applicationId }, api)).data!.application.status).toBe('WITHDRAWN');

    // An invitation: accepting applies.
    const invited = await t.gql(`mutation ($i: InviteInput!) { inviteCandidate(input: $i) { id } }`, { i: { offerId: invitedOffer, candidateId: profile.id, message: 'Votre profil nous plaît.' } }, employer.token);
    expect(invited.errors).toBeUndefined();
    await page.goto(`${web.url}/espace/invitations`);
    expect(await page.textContent('main')).toContain('révèle votre nom et votre adresse e-mail à Studio Numérique');
    await Promise.all([page.waitForURL(/\/espace\/invitations\/[0-9a-f-]+/), page.getByRole('link', { name: /Accepter/ }).first().click()]);
    await Promise.all([page.waitForURL(/\/espace\/candidatures\//), page.getByRole('button', { name: 'Accepter et postuler' }).click()]);
    const mine = (await t.gql(`{ myApplications { edges { node { offer { id } status } } } }`, {}, api)).data!.myApplications.edges.map((e: { node: { offer: { id: string }; status: string } }) => e.node);
    expect(mine).toEqual(expect.arrayContaining([{ offer: { id: invitedOffer }, status: 'SUBMITTED' }, { offer: { id: webOffer }, status: 'WITHDRAWN' }]));

    // Another candidate cannot read this application by changing the address.
    const other = await signUpCandidate(t, 'Paul Curieux');
    const otherContext = await browser.newContext();
    await otherContext.addCookies([{ name: 'alternance_session', value: other.token, url: web.url }]);
    const otherPage = await otherContext.newPage();
    const peek = await otherPage.goto(applicationUrl);
    expect(peek!.status()).toBe(404);
    expect(await otherPage.textContent('main')).not.toContain('Un site pour une association de quartier.');
    await otherContext.close();

    // Their data, downloaded as JSON.
    await page.goto(`${web.url}/espace/donnees`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger mes données (JSON)' }).click()]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(JSON.stringify(exported)).toContain(email);

    // Delete the account with the password: the session ends and the API forgets them.
    await page.getByLabel('Votre mot de passe, pour confirmer').fill('pas le bon mot de passe');
    await page.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click();
    await page.waitForLoadState('networkidle');
    expect((await context.cookies()).some((c) => c.name === 'alternance_session')).toBe(true);
    await page.getByLabel('Votre mot de passe, pour confirmer').fill(PASSWORD);
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/espace/donnees')), page.getByRole('button', { name: 'Supprimer définitivement mon compte' }).click()]);
    expect((await context.cookies()).some((c) => c.name === 'alternance_session')).toBe(false);
    const gone = await t.gql(`mutation ($i: LogInInput!) { logIn(input: $i) { accessToken } }`, { i: { email, password: PASSWORD } });
    expect(gone.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    await context.close();
  }, 180_000);

  it('declares the priority categories with consent, erases one alone, then withdraws consent and erases them all (without JavaScript too)', async () => {
    const candidate = await signUpCandidate(t, 'Awa Diallo');
    const read = async () =>
      (await t.gql(`{ myCandidateProfile { sensitiveDataConsent disabilityRecognised gender highestQualification livesInQpv internationalProtection situationBefore } }`, {}, candidate.token)).data!.myCandidateProfile;
    const context = await browser.newContext();
    await context.addCookies([{ name: 'alternance_session', value: candidate.token, url: web.url }]);
    const page = await context.newPage();
    await page.goto(`${web.url}/espace/profil`);
    const section = page.locator('#donnees-protegees');
    const consent = section.getByRole('checkbox', { name: /J’accepte qu’Alternance conserve/ });
    expect(await section.textContent()).toContain('Pourquoi ? Les personnes peu ou pas diplômées sont un public prioritaire.');
    expect(await section.locator('#fieldset-livesInQpv').getByLabel('Je ne réponds pas').isChecked()).toBe(true);

    // Answers without consent: the error summary points at the consent box, and nothing is kept.
    await section.getByLabel('Votre diplôme le plus élevé obtenu').selectOption('LEVEL_3');
    await section.locator('#fieldset-livesInQpv').getByLabel('Oui').check();
    await submitIn(page, 'donnees-protegees');
    await section.getByRole('link', { name: /Cochez cette case pour enregistrer/ }).waitFor();
    expect((await read())?.highestQualification ?? null).toBeNull();

    // With consent, every answer is saved.
    await consent.check();
    await section.getByLabel('Votre diplôme le plus élevé obtenu').selectOption('LEVEL_3');
    await section.locator('#fieldset-livesInQpv').getByLabel('Oui').check();
    await section.locator('#fieldset-internationalProtection').getByLabel('Non').check();
    await section.locator('#fieldset-situationBefore').getByLabel('En recherche d’emploi').check();
    await section.locator('#fieldset-gender').getByLabel('Femme').check();
    await submitIn(page, 'donnees-protegees');
    await section.getByText('Modifications enregistrées.').first().waitFor();
    expect(await read()).toEqual({
      sensitiveDataConsent: true,
      disabilityRecognised: null,
      gender: 'FEMALE',
      highestQualification: 'LEVEL_3',
      livesInQpv: true,
      internationalProtection: false,
      situationBefore: 'JOB_SEEKER',
    });

    // "No answer" erases that one alone; the page shows the saved answers again.
    expect(await section.getByLabel('Votre diplôme le plus élevé obtenu').inputValue()).toBe('LEVEL_3');
    await page.reload();
    expect(await section.getByLabel('Votre diplôme le plus élevé obtenu').inputValue()).toBe('LEVEL_3');
    await section.locator('#fieldset-livesInQpv').getByLabel('Je ne réponds pas').check();
    await submitIn(page, 'donnees-protegees');
    await section.getByText('Modifications enregistrées.').first().waitFor();
    expect(await read()).toMatchObject({ sensitiveDataConsent: true, gender: 'FEMALE', highestQualification: 'LEVEL_3', livesInQpv: null, internationalProtection: false, situationBefore: 'JOB_SEEKER' });
    await context.close();

    // Without JavaScript, the same form: unticking the consent erases them all.
    const plain = await browser.newContext({ javaScriptEnabled: false });
    await plain.addCookies([{ name: 'alternance_session', value: candidate.token, url: web.url }]);
    const noScript = await plain.newPage();
    await noScript.goto(`${web.url}/espace/profil`);
    const plainSection = noScript.locator('#donnees-protegees');
    expect(await plainSection.locator('#fieldset-situationBefore').getByLabel('En recherche d’emploi').isChecked()).toBe(true);
    await plainSection.getByRole('checkbox', { name: /J’accepte qu’Alternance conserve/ }).uncheck();
    await submitIn(noScript, 'donnees-protegees');
    await noScript.locator('#donnees-protegees').getByText('Modifications enregistrées.').first().waitFor();
    expect(await read()).toEqual({
      sensitiveDataConsent: false,
      disabilityRecognised: null,
      gender: null,
      highestQualification: null,
      livesInQpv: null,
      internationalProtection: null,
      situationBefore: null,
    });
    await noScript.goto(`${web.url}/espace/profil`);
    expect(await noScript.locator('#fieldset-situationBefore').getByLabel('Je ne réponds pas').isChecked()).toBe(true);
    await plain.close();
  }, 120_000);

  it('shows an employer no candidate space, and a signed-out visitor the log-in page', async () => {
    const context = await browser.newContext();
    await context.addCookies([{ name: 'alternance_session', value: employer.token, url: web.url }]);
    const page = await context.newPage();
    await page.goto(`${web.url}/espace/candidatures`);
    expect(await page.textContent('main')).not.toContain('Mes candidatures');
    await context.clearCookies();
    await page.goto(`${web.url}/espace/profil`);
    expect(new URL(page.url()).pathname).toBe('/connexion');
    expect(new URL(page.url()).searchParams.get('suite')).toBe('/espace/profil');
    await context.close();
  }, 60_000);
});

