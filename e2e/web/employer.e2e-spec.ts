/// <reference lib="dom" />
import { Browser, BrowserContext, Page } from 'playwright-core';
import { APPRENTICE_PROFILE, Actor, PASSWORD, createOffer, freshSiret, signUpCandidate, signUpEmployer, upsertProfile } from '../support/actors';
import { TestApp, engine, startTestApp } from '../support/test-app';
import { WebApp, browserSuite, launchBrowser, logInThroughPage, startWebApp } from '../support/web-app';

/** A job seeker near Lyon: eligible for a POEI there. */
const JOB_SEEKER = { ...APPRENTICE_PROFILE, desiredRomeCodes: ['D1104'], jobSeeker: true, visibility: 'PUBLIC' };

async function apply(t: TestApp, candidate: Actor, offerId: string, answers?: string[]): Promise<string> {
  const res = await t.gql(`mutation ($input: ApplyInput!) { applyToOffer(input: $input) { id } }`, { input: { offerId, answers, message: 'Bonjour, je suis motivée.' } }, candidate.token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.applyToOffer.id;
}

async function submit(page: Page, button: string, url?: RegExp): Promise<void> {
  await Promise.all([url ? page.waitForURL(url) : page.waitForLoadState(), page.getByRole('button', { name: button, exact: true }).click()]);
  await page.waitForLoadState('networkidle');
}

browserSuite(`the employer's space in the browser (${engine})`, () => {
  let t: TestApp;
  let web: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestApp();
    web = await startWebApp(t.url);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await t?.close();
  });

  /** The offer form, filled as a person would (the occupation and town typed as words). */
  async function fillOffer(page: Page, title: string): Promise<void> {
    await page.getByLabel('Intitulé du poste *').fill(title);
    await page.getByLabel('Métier *').fill('D1104');
    await page.getByLabel('Description *').fill('Une POE individuelle de trois mois, puis un CDD en pâtisserie.');
    await page.getByLabel('POE individuelle').check();
    await page.getByLabel('Commune ou code postal *').fill('69003');
    await page.getByLabel('Hybride').check();
    await page.getByLabel('Début au plus tôt *').fill('2027-01-04');
    await page.getByLabel('Début au plus tard *').fill('2027-03-01');
    await page.getByLabel('Question 1').fill('Pourquoi la pâtisserie ?');
  }

  it('signs up with a SIRET, completes the organization, posts a POEI offer, previews, publishes, and hires the last position', async () => {
    const email = `recrutement.${Date.now()}@example.org`;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${web.url}/inscription`);
    await page.getByLabel('Employeur : je recrute').check();
    await page.getByLabel('Votre nom').fill('Nadia Benali');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Nom de l’entreprise').fill('Pâtisserie des Pentes');
    await page.getByLabel('SIRET').fill(freshSiret());
    await Promise.all([page.waitForURL(/\/espace$/), page.getByRole('button', { name: 'Créer mon compte' }).click()]);
    expect(await page.locator('h1').textContent()).toBe('Espace employeur');

    // The organization's public facts.
    await page.getByRole('navigation', { name: 'Rubriques de mon espace' }).getByRole('link', { name: 'Mon entreprise' }).click();
    await page.waitForURL(/\/espace\/entreprise$/);
    expect(await page.textContent('main')).toMatch(/SIRET\s*\d{14} \(vérifié/);
    await page.getByLabel('Secteur d’activité').fill('Pâtisserie artisanale');
    await page.getByLabel('Un référent handicap suit les alternants').check();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Informations enregistrées.').waitFor();

    // A POEI offer: the form says what the law asks for before accepting it.
    await page.goto(`${web.url}/espace/annonces/nouvelle`);
    await fillOffer(page, 'Pâtissier formé puis embauché');
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await page.getByRole('alert').getByText('Une POEI doit préciser le contrat promis à l’issue de la formation.').waitFor();
    await page.getByLabel('Contrat promis', { exact: true }).selectOption('CDD');
    await page.getByLabel('Durée du contrat promis, en mois').fill('12');
    await submit(page, 'Enregistrer le brouillon', /\/espace\/annonces\/[0-9a-f-]{36}\?fait=created$/);
    const offerId = /annonces\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    expect(await page.getByRole('status').first().textContent()).toContain('Brouillon enregistré');
    expect(await page.textContent('main')).toMatch(/Métier[^(]*Pâtiss[^(]*\(D1104\)/);

    // The preview is the real offer page, seen by the organization alone.
    await Promise.all([page.waitForURL(/\/offres\/[0-9a-f-]{36}-patissier-forme-puis-embauche$/), page.getByRole('link', { name: 'Voir l’aperçu de l’offre' }).click()]);
    expect(await page.locator('h1').textContent()).toBe('Pâtissier formé puis embauché');
    expect(await page.textContent('main')).toContain('Cette offre est un brouillon');
    expect(await page.getByRole('link', { name: 'Postuler' }).count()).toBe(0);
    expect((await fetch(`${web.url}/offres/${offerId}-patissier-forme-puis-embauche`)).status).toBe(404);

    await page.goto(`${web.url}/espace/annonces/${offerId}`);
    await submit(page, 'Publier l’offre', /fait=published/);
    const search = await (await fetch(`${web.url}/offres?q=patissier`)).text();
    expect(search.includes(`/offres/${offerId}-patissier-forme-puis-embauche`)).toBe(true);
    const published = await t.gql(`query ($id: ID!) { offer(id: $id) { status contractType hireContract { type durationMonths } screeningQuestions location { postcode } organization { sector accessibility { disabilityReferent } } } }`, { id: offerId });
    expect(published.data!.offer).toEqual({
      status: 'PUBLISHED',
      contractType: 'POEI',
      hireContract: { type: 'CDD', durationMonths: 12 },
      screeningQuestions: ['Pourquoi la pâtisserie ?'],
      location: { postcode: '69003' },
      organization: { sector: 'Pâtisserie artisanale', accessibility: { disabilityReferent: true } },
    });

    // Two job seekers apply; the employer moves one to HIRED, which fills the only position.
    const chosen = await signUpCandidate(t, 'Léa Garnier');
    await upsertProfile(t, chosen, JOB_SEEKER);
    const other = await signUpCandidate(t, 'Yanis Ferhat');
    await upsertProfile(t, other, JOB_SEEKER);
    const chosenApplication = await apply(t, chosen, offerId, ['J’aime le travail précis.']);
    await apply(t, other, offerId, ['Par goût du sucre.']);

    await page.goto(`${web.url}/espace/annonces/${offerId}/candidatures`);
    const column = (name: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: new RegExp(`^${name}`) }) });
    // Newest first; two applications sent within the same millisecond may come in either order.
    expect((await column('Envoyée').getByRole('heading', { level: 3 }).allTextContents()).sort()).toEqual(['Léa Garnier', 'Yanis Ferhat']);
    const card = () => page.locator(`#candidature-${chosenApplication}`);
    // A rejection without its reason is refused, and says why.
    await card().getByLabel('Passer à l’étape').selectOption('REJECTED');
    await Promise.all([page.waitForURL(/erreur=motif/), card().getByRole('button', { name: 'Déplacer' }).click()]);
    expect(await card().textContent()).toContain('Choisissez un motif pour refuser cette candidature.');
    for (const [status, label] of [
      ['IN_REVIEW', 'En cours d’examen'],
      ['OFFERED', 'Poste proposé'],
      ['HIRED', 'Embauche confirmée'],
    ] as const) {
      await card().getByLabel('Passer à l’étape').selectOption(status);
      await Promise.all([page.waitForURL(new RegExp(`etape=${status}`)), card().getByRole('button', { name: 'Déplacer' }).click()]);
      expect(await column(label).getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Léa Garnier']);
    }
    expect(await page.getByRole('status').first().textContent()).toContain('Dernier poste pourvu');
    const after = await t.gql(`query ($id: ID!) { offer(id: $id) { status } }`, { id: offerId }, undefined);
    expect(after.data!.offer.status).toBe('FILLED');
    const told = await t.gql(`{ myNotifications { edges { node { subjectType } } } }`, {}, other.token);
    expect(told.data!.myNotifications.edges.length).toBeGreaterThan(0);

    // The application's own page: answers, message, history, and the public profile.
    await page.goto(`${web.url}/espace/candidatures-recues/${chosenApplication}`);
    const main = await page.textContent('main');
    expect(main).toContain('J’aime le travail précis.');
    expect(main).toContain('Bonjour, je suis motivée.');
    expect(main).toContain(chosen.email);
    expect(await page.getByRole('heading', { name: 'Historique' }).count()).toBe(1);
    await context.close();
  }, 180_000);

  it('searches the marketplace, opens the best matches for an offer, and sees an anonymous candidate only once they accept', async () => {
    const employer = await signUpEmployer(t, 'Studio des Traboules');
    const offerId = await createOffer(t, employer, { title: 'Développeuse web en alternance' });
    const hidden = await signUpCandidate(t, 'Salomé Caradec');
    await upsertProfile(t, hidden, { ...APPRENTICE_PROFILE, headline: 'Développeuse web junior, passionnée de React', visibility: 'ANONYMOUS' });
    const context = await browser.newContext();
    const page = await logInThroughPage(context, web.url, employer.email, PASSWORD);
    const bodies: string[] = [];
    page.on('response', async (response) => {
      const type = response.headers()['content-type'] ?? '';
      if (/text|json|x-component/.test(type)) bodies.push(await response.text().catch(() => ''));
    });

    await page.goto(`${web.url}/espace/talents`);
    await page.getByLabel('Mots-clés').fill('react');
    await Promise.all([page.waitForURL(/q=react/), page.getByRole('button', { name: 'Rechercher' }).click()]);
    const result = page.getByRole('listitem').filter({ hasText: 'passionnée de React' });
    expect(await result.getByRole('link').textContent()).toBe('Candidat anonyme');

    await page.goto(`${web.url}/espace/annonces/${offerId}`);
    await Promise.all([page.waitForURL(/\/talents$/), page.getByRole('link', { name: 'Meilleurs candidats pour cette offre' }).click()]);
    const match = page.getByRole('listitem').filter({ hasText: 'passionnée de React' }).first();
    expect(await match.textContent()).toMatch(/Correspondance : \d+/);
    await Promise.all([page.waitForURL(/\/espace\/talents\/[0-9a-f-]{36}\?offre=/), match.getByRole('link', { name: 'Candidat anonyme' }).click()]);
    expect(await page.locator('h1').textContent()).toBe('Candidat anonyme');
    await page.getByLabel('Votre message *').fill('Votre profil React nous plaît : venez nous rencontrer.');
    await Promise.all([page.waitForURL(/fait=invitee/), page.getByRole('button', { name: 'Envoyer l’invitation' }).click()]);
    expect(await page.textContent('main')).toContain('Invitation envoyée.');
    // Nothing the browser received so far names the candidate.
    expect(bodies.length).toBeGreaterThan(3);
    for (const body of bodies) {
      expect(body).not.toContain('Caradec');
      expect(body).not.toContain(hidden.email);
    }

    const invitation = await t.gql(`{ myInvitations { edges { node { id } } } }`, {}, hidden.token);
    const accepted = await t.gql(`mutation ($id: ID!) { acceptInvitation(id: $id) { status } }`, { id: invitation.data!.myInvitations.edges[0].node.id }, hidden.token);
    expect(accepted.errors).toBeUndefined();
    await page.reload();
    expect(await page.locator('h1').textContent()).toBe('Salomé Caradec');
    expect(await page.textContent('main')).toContain(hidden.email);
    await context.close();
  }, 120_000);

  it('posts an offer and moves an application with JavaScript disabled', async () => {
    const employer = await signUpEmployer(t, 'Boulangerie Sans Script');
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await logInThroughPage(context, web.url, employer.email, PASSWORD);
    await page.goto(`${web.url}/espace/annonces/nouvelle`);
    await fillOffer(page, 'Pâtissière sans script');
    await page.getByLabel('Contrat promis', { exact: true }).selectOption('CDI');
    await submit(page, 'Enregistrer le brouillon', /fait=created/);
    const offerId = /annonces\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await submit(page, 'Publier l’offre', /fait=published/);
    // A copy starts as a new draft with the same content.
    await submit(page, 'Dupliquer en nouveau brouillon', /fait=duplicated/);
    const copyId = /annonces\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    expect(copyId).not.toBe(offerId);
    const copy = await t.gql(`query ($id: ID!) { offer(id: $id) { title status contractType hireContract { type } screeningQuestions location { postcode } } }`, { id: copyId }, employer.token);
    expect(copy.data!.offer).toEqual({ title: 'Pâtissière sans script', status: 'DRAFT', contractType: 'POEI', hireContract: { type: 'CDI' }, screeningQuestions: ['Pourquoi la pâtisserie ?'], location: { postcode: '69003' } });
    const candidate = await signUpCandidate(t, 'Romane Petit');
    await upsertProfile(t, candidate, JOB_SEEKER);
    const application = await apply(t, candidate, offerId, ['Pour apprendre.']);
    await page.goto(`${web.url}/espace/annonces/${offerId}/candidatures?vue=liste`);
    const row = page.getByRole('row').filter({ hasText: 'Romane Petit' });
    await row.getByLabel('Passer à l’étape').selectOption('REJECTED');
    await row.getByLabel('Motif du refus').selectOption('POSITION_FILLED');
    await Promise.all([page.waitForURL(/fait=deplacee/), row.getByRole('button', { name: 'Déplacer' }).click()]);
    const moved = await t.gql(`query ($id: ID!) { application(id: $id) { status rejectionReason } }`, { id: application }, candidate.token);
    expect(moved.data!.application).toEqual({ status: 'REJECTED', rejectionReason: 'POSITION_FILLED' });
    expect(await page.getByRole('row').filter({ hasText: 'Romane Petit' }).textContent()).toContain('Non retenue');
    await context.close();
  }, 120_000);

  it('keeps each organization to its own: ids changed in the URL find nothing, and candidates stay out', async () => {
    const owner = await signUpEmployer(t, 'Maison Alpha');
    const offerId = await createOffer(t, owner, { title: 'Offre de la maison Alpha' });
    const draftId = await createOffer(t, owner, { title: 'Brouillon de la maison Alpha' }, false);
    const candidate = await signUpCandidate(t, 'Théo Lambert');
    await upsertProfile(t, candidate, { ...APPRENTICE_PROFILE, visibility: 'PUBLIC' });
    const applicationId = await apply(t, candidate, offerId);
    const hidden = await signUpCandidate(t, 'Inès Caché');
    const hiddenId = await upsertProfile(t, hidden, { ...APPRENTICE_PROFILE, visibility: 'HIDDEN' });

    const intruder = await signUpEmployer(t, 'Maison Beta');
    const context: BrowserContext = await browser.newContext();
    const page = await logInThroughPage(context, web.url, intruder.email, PASSWORD);
    for (const path of [
      `/espace/annonces/${offerId}`,
      `/espace/annonces/${offerId}/modifier`,
      `/espace/annonces/${offerId}/candidatures`,
      `/espace/annonces/${offerId}/candidatures?vue=liste`,
      `/espace/annonces/${offerId}/talents`,
      `/espace/annonces/${draftId}`,
      `/espace/candidatures-recues/${applicationId}`,
      `/espace/talents/${hiddenId}`,
      `/offres/${draftId}`,
    ]) {
      const res = await page.goto(`${web.url}${path}`);
      expect({ path, status: res!.status() }).toEqual({ path, status: 404 });
      const text = await page.textContent('body');
      expect(text).not.toContain('Théo Lambert');
      expect(text).not.toContain('Brouillon de la maison Alpha');
    }
    await context.close();

    const candidateContext = await browser.newContext();
    const candidatePage = await logInThroughPage(candidateContext, web.url, candidate.email, PASSWORD);
    for (const path of ['/espace/annonces', `/espace/annonces/${offerId}/candidatures`, '/espace/talents', '/espace/entreprise']) {
      await candidatePage.goto(`${web.url}${path}`);
      expect(new URL(candidatePage.url()).pathname).toBe('/espace');
    }
    await candidateContext.close();
  }, 120_000);
});
