import { readdirSync } from 'node:fs';
import { PARTNER_REJECTION } from '../partner-offer';
import { partnerFeedReaders, readerFor, sourceOfFileName } from './registry';
import { fromStrings, offersOf, readAll, rejectionsOf, SAMPLES_DIR, sampleStream } from './test-support';

async function read(source: string, file: string) {
  const reader = readerFor(source);
  if (!reader) throw new Error(`no reader for ${source}`);
  const records = await readAll(reader, sampleStream(file));
  return { records, offers: offersOf(records), rejections: rejectionsOf(records) };
}

describe('partner-feed samples, read through their readers', () => {
  it('has a reader for every sample file, by its name', () => {
    const files = readdirSync(SAMPLES_DIR);
    expect(files.length).toBeGreaterThanOrEqual(16);
    for (const file of files) expect({ file, source: sourceOfFileName(file) }).toEqual({ file, source: expect.any(String) });
    expect(Object.keys(partnerFeedReaders).sort()).toEqual(
      ['apec', 'clever-connect', 'decathlon', 'edf', 'enedis', 'engagement-jeunes', 'france-travail', 'hellowork', 'hellowork-buddi', 'jobteaser', 'jooble', 'kelio', 'laposte', 'leboncoin', 'pass'].sort(),
    );
    expect(sourceOfFileName('hellowork-buddi-import-hello-work-buddi.xml')).toBe('hellowork-buddi');
    expect(sourceOfFileName('hellowork-import-hello-work.xml')).toBe('hellowork');
    expect(readerFor('toString')).toBeNull();
  });

  it('reads every sample to its end without a fatal rejection', async () => {
    for (const file of readdirSync(SAMPLES_DIR)) {
      const { records } = await read(sourceOfFileName(file)!, file);
      expect({ file, fatal: records.filter((r) => !r.ok && r.rejection.fatal) }).toEqual({ file, fatal: [] });
      expect(records.map((r) => (r.ok ? r.record : r.rejection.record))).toEqual(records.map((_, i) => i + 1));
    }
  });

  it('Hellowork: five CDI offers, each skipped as not work-study with its place', async () => {
    const { offers, rejections } = await read('hellowork', 'hellowork-import-hello-work.xml');
    expect(offers).toEqual([]);
    expect(rejections.map((r) => [r.reason, r.location])).toEqual([1, 2, 3, 4, 5].map((i) => [PARTNER_REJECTION.NOT_WORK_STUDY, `/root/job[${i}]`]));
    expect(rejections[0].detail).toBe('Offer 68087320 is not a work-study contract (CDI).');
  });

  it('Hellowork Buddi: three apprenticeships, SIRET kept, applying by the dedicated address', async () => {
    const { offers, rejections } = await read('hellowork-buddi', 'hellowork-buddi-import-hello-work-buddi.xml');
    expect(rejections).toEqual([]);
    expect(offers.map((o) => o.externalId)).toEqual(['104010052', '104010054', '104010058']);
    const first = offers[0];
    expect(first.title).toBe('ALTERNANCE - Équipier·ère Polyvalent·e de Restauration');
    expect(first.employer).toEqual({ name: 'Institut des Métiers Network - Lille', siret: '81272495300029', siren: null });
    expect(first.location).toEqual({ postcode: '59930', inseeCode: null, city: "La Chapelle-d'Armentières", lat: null, lng: null, departmentCode: null });
    expect(first.contractKind).toBe('APPRENTICESHIP');
    expect(first.level).toBe('BEP/CAP');
    expect(first.apply).toEqual({ kind: 'EMAIL', email: 'apply.82788-F1vycE.bonnealternance@apply-talentdetection.com' });
    expect(first.publishedAt).toBe('2026-02-24T19:42:26.000Z');
    expect(first.descriptionHtml).toMatch(/^<p>Pour un restaurant partenaire spécialisé dans la restauration rapide de burgers/);
    expect(first.descriptionHtml).toContain('<ul><li>Tu souhaites préparer un CAP en alternance</li>');
    expect(offers[2].location.city).toBe('Marcq-en-Barœul');
  });

  it('APEC: five offers, contract from Type_contrat, commune by its INSEE code', async () => {
    const { offers, rejections } = await read('apec', 'apec-import-apec.xml');
    expect(rejections).toEqual([]);
    expect(offers.map((o) => [o.externalId, o.contractKind, o.durationMonths, o.location.inseeCode])).toEqual([
      ['177777865W', 'APPRENTICESHIP', 1, '76540'],
      ['177810729W', 'PROFESSIONALISATION', 12, '72181'],
      ['177812004W', 'APPRENTICESHIP', 24, '75101'],
      ['177860843W', 'APPRENTICESHIP', 12, '94028'],
      ['177861351W', 'APPRENTICESHIP', 24, '93055'],
    ]);
    const second = offers[1];
    expect(second.title).toBe('Devenez Chef de projet IA - Profil indus F/H');
    expect(second.employer).toEqual({ name: 'AGORIADE', siret: null, siren: null });
    expect(second.location.city).toBe('LE MANS');
    expect(second.apply).toEqual({ kind: 'URL', url: expect.stringMatching(/^https:\/\/www\.apec\.fr\/candidat\/recherche-emploi\.html\/emploi\/detail-offre\/177810729W\?/) });
    expect(second.publishedAt).toBe('2025-12-17T12:26:39.000Z');
    // CDATA-wrapped HTML with entities, reduced to the allowed markup.
    expect(second.descriptionHtml).toMatch(/^<p><strong>Pourquoi rejoindre cette opportunité \?<\/strong><\/p><ul><li><p>Un <strong>groupe industriel de référence<\/strong>/);
  });

  it('Jobteaser: two apprenticeships; a SIREN when given', async () => {
    const { offers, rejections } = await read('jobteaser', 'jobteaser-import-jobteaser.xml');
    expect(rejections).toEqual([]);
    expect(offers).toHaveLength(2);
    const [schneider, valeo] = offers;
    expect(schneider.externalId).toBe('ab3c7310-98eb-4541-9a91-438dafddfae3');
    expect(schneider.title).toBe('Alternance - webmarketing specialist - Bac+4/5 - (38 - Grenoble) - H/F');
    expect(schneider.employer).toEqual({ name: 'Schneider Electric', siret: null, siren: '421106709' });
    expect(schneider.location.city).toBe('Grenoble');
    expect(schneider.contractKind).toBe('APPRENTICESHIP');
    expect(schneider.publishedAt).toBe('2025-09-20T07:42:48.000Z');
    expect(schneider.apply).toEqual({ kind: 'URL', url: expect.stringContaining('https://www.jobteaser.com/fr/job-offers/ab3c7310-98eb-4541-9a91-438dafddfae3-') });
    expect(valeo.employer.name).toBe('Valeo');
    expect(valeo.location.city).toBe('Amiens');
  });

  it('Kelio: two apprenticeships with coordinates, start date and length', async () => {
    const { offers, rejections } = await read('kelio', 'kelio-import-kelio.xml');
    expect(rejections).toEqual([]);
    expect(offers).toHaveLength(2);
    const o = offers[1];
    expect(o.externalId).toBe('147682');
    expect(o.title).toBe('Alternance | Technicien supérieur audiovisuel H/F');
    expect(o.employer.name).toBe('Groupe TADA');
    expect(o.location).toEqual({ postcode: '92200', inseeCode: null, city: 'Neuilly-sur-Seine', lat: 48.8811012, lng: 2.273237599999999, departmentCode: null });
    expect(o.contractKind).toBe('APPRENTICESHIP');
    expect(o.startDate).toBe('2025-09-01');
    expect(o.durationMonths).toBe(12);
    expect(o.apply).toEqual({ kind: 'URL', url: 'https://groupe-TADA.talentview.io/jobs/cqhbxp?source=la_bonne_alternance' });
    expect(o.publishedAt).toBe('2025-03-05T15:59:22.000Z');
    expect(o.descriptionHtml).not.toMatch(/class=|style=|<span/);
  });

  it('La Poste: two apprenticeships; localite gives the INSEE code', async () => {
    const { offers, rejections } = await read('laposte', 'laposte-import-laposte.xml');
    expect(rejections).toEqual([]);
    const [seyne, aubenas] = offers;
    expect(seyne.externalId).toBe('2025-xxxx9');
    expect(seyne.title).toBe('Alternance Responsable production F/H');
    expect(seyne.employer.name).toBe('nom compagnie');
    expect(seyne.location).toEqual({ postcode: null, inseeCode: '83126', city: 'La Seyne-sur-Mer', lat: 42.193147, lng: 4.979651, departmentCode: '83' });
    expect(seyne.contractKind).toBe('APPRENTICESHIP');
    expect(seyne.durationMonths).toBe(24);
    expect(seyne.level).toBe('Bac+3');
    expect(seyne.apply).toEqual({ kind: 'URL', url: 'https://www.laposterecrute.fr/offre/2025-xxxxx9' });
    expect(seyne.publishedAt).toBe('2025-05-21T22:11:19.000Z');
    expect(aubenas.location.inseeCode).toBe('07019');
    expect(aubenas.location.departmentCode).toBe('07');
  });

  it('EDF: two apprenticeships, the VIE skipped; the company is the TalentSoft "société"', async () => {
    const { offers, rejections } = await read('edf', 'edf-import-edf.xml');
    expect(offers.map((o) => o.externalId)).toEqual(['2026-100001', '2026-100002']);
    expect(rejections).toEqual([
      { record: 3, location: '/offers/offer[3]', reason: 'NOT_WORK_STUDY', detail: 'Offer 2026-100003 is not a work-study contract (VIE, CONTRAT_VIE).' },
    ]);
    const o = offers[1];
    expect(o.title).toBe('ALTERNANCE - BAC PRO Technicien Électrique F/H');
    expect(o.employer.name).toBe('EDF');
    expect(o.location).toEqual({ postcode: null, inseeCode: null, city: 'Paluel', lat: null, lng: null, departmentCode: '76' });
    expect(o.contractKind).toBe('APPRENTICESHIP');
    expect(o.startDate).toBe('2026-09-01');
    expect(o.level).toBe('CAP, BEP, Bac');
    expect(o.apply).toEqual({ kind: 'URL', url: 'https://www.edf.fr/edf-recrute/offre/detail/2026-100002?idOrigine=502' });
    expect(o.publishedAt).toBe('2026-01-31T23:00:00.000Z');
    expect(o.descriptionHtml).toContain('<ul><li>Assurer la maintenance des équipements électriques.</li>');
    expect(offers[0].level).toBe('Bac+3');
    expect(offers[0].employer.name).toBe('Enedis');
  });

  it('Enedis: one apprenticeship, the CDI skipped', async () => {
    const { offers, rejections } = await read('enedis', 'enedis-import-enedis.xml');
    expect(rejections.map((r) => [r.record, r.reason])).toEqual([[2, 'NOT_WORK_STUDY']]);
    expect(offers).toHaveLength(1);
    expect(offers[0]).toMatchObject({
      externalId: '2025-100001',
      title: 'Alternance - Chargé de Relations Clients F/H',
      employer: { name: 'Enedis', siret: null },
      location: { city: 'Evry Courcouronnes' },
      contractKind: 'APPRENTICESHIP',
      startDate: '2025-09-01',
      durationMonths: 24,
      level: 'Bac+2, Bac+3',
      apply: { kind: 'URL', url: 'https://www.enedis.fr/emploi/100001?LCID=1036&idOffre=100001&idOrigine=2679&offerReference=2025-100001' },
    });
  });

  it('Clever Connect: three offers; any apprenticeship type makes the offer one', async () => {
    const { offers, rejections } = await read('clever-connect', 'clever-connect-import-clever-connect.xml');
    expect(rejections).toEqual([]);
    expect(offers.map((o) => [o.externalId, o.contractKind, o.location.postcode])).toEqual([
      ['00000070', 'APPRENTICESHIP', '38990'],
      ['00000629', 'APPRENTICESHIP', '86000'],
      ['00000400', 'APPRENTICESHIP', '13540'],
    ]);
    const o = offers[0];
    expect(o.title).toBe('VENDEUR MAGASINIER H/F');
    expect(o.employer.name).toBe('Tralala Intérim');
    expect(o.location).toEqual({ postcode: '38990', inseeCode: null, city: 'Babaland', lat: 44.12417, lng: 1.31139, departmentCode: '38' });
    expect(o.durationMonths).toBe(12);
    expect(o.level).toBe('Aucun diplôme');
    expect(o.apply).toEqual({ kind: 'URL', url: 'https://www.meteojob.com/jobads/00000070?utm_source=labonnealternance&utm_medium=aggregator-free&utm_campaign=alternance' });
    expect(o.publishedAt).toBe('2025-02-25T02:46:50.133Z');
  });

  it('Jooble: no contract field; a CDI title is skipped, a silent offer has no kind', async () => {
    const { offers, rejections } = await read('jooble', 'jooble-import-jooble.xml');
    expect(rejections.map((r) => [r.location, r.reason])).toEqual([['/jobs/job[2]', 'NOT_WORK_STUDY']]);
    expect(offers).toHaveLength(1);
    expect(offers[0]).toMatchObject({
      externalId: '-6366765753872521621',
      title: 'Responsable de marché',
      employer: { name: 'Truc France' },
      location: { city: 'Puteaux', departmentCode: '92' },
      contractKind: null,
      descriptionHtml: '<p>Truc est un groupe industriel et un laboratoire pharmaceutique international</p>',
      publishedAt: '2025-09-08T22:00:00.000Z',
    });
  });

  it('PASS (RSS): seven public-service apprenticeships with Dublin Core fields', async () => {
    const { offers, rejections } = await read('pass', 'pass-import-pass.rss');
    expect(rejections).toEqual([]);
    expect(offers).toHaveLength(7);
    const o = offers[0];
    expect(o.externalId).toBe('A-2025-159026');
    // The title holds a link element: its text is the title.
    expect(o.title).toBe("Contrat d'Apprentissage - financements H/F");
    expect(o.employer.name).toBe("Centre national du cinéma et de l'image animée");
    expect(o.location).toEqual({ postcode: null, inseeCode: null, city: 'PARIS 14ème arrondissement', lat: null, lng: null, departmentCode: '75' });
    expect(o.contractKind).toBe('APPRENTICESHIP');
    expect(o.startDate).toBe('2025-09-15');
    expect(o.durationMonths).toBe(12);
    expect(o.level).toBe('Niveau 7 – (Bac+5 et plus)');
    expect(o.apply).toEqual({ kind: 'URL', url: 'https://www.pass.fonction-publique.gouv.fr/offre/contrat-dapprentissage-financements-hf' });
    expect(o.publishedAt).toBe('2025-02-26T15:40:27.000Z');
    // Escaped HTML in the description, unescaped then sanitized.
    expect(o.descriptionHtml).toMatch(/^<p>Au sein du service, l’alternant\(e\) agira notamment en appui sur les missions suivantes :<\/p><ul><li>la veille/);
    expect(offers[1].location.departmentCode).toBe('06');
    expect(offers[4]).toMatchObject({ title: 'Chargé(e) de projet - Formation/Communication', contractKind: 'APPRENTICESHIP', durationMonths: 36 });
  });

  it('France Travail: four CDD offers skipped (an id repeats: both are reported)', async () => {
    const { offers, rejections } = await read('france-travail', 'france-travail-CEGID-import-france-travail-cegid.json');
    expect(offers).toEqual([]);
    expect(rejections.map((r) => [r.location, r.reason])).toEqual([
      ['$[0]', 'NOT_WORK_STUDY'],
      ['$[1]', 'NOT_WORK_STUDY'],
      ['$[2]', 'NOT_WORK_STUDY'],
      ['$[3]', 'NOT_WORK_STUDY'],
    ]);
    expect(rejections[1].detail).toBe('Offer 2025-82799 is not a work-study contract (CDD, _TS_CO_Contract_CDD).');
  });

  it('France Travail: the mapper sample (one offer object) maps field by field', async () => {
    const { records } = await read('france-travail', 'france-travail-CEGID-france-travail-cegid-mapper.json');
    expect(records).toEqual([{ ok: false, rejection: expect.objectContaining({ record: 1, location: '$', reason: 'NOT_WORK_STUDY' }) }]);
    // The same offer as an apprenticeship: every other field as published.
    const { readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const offer = JSON.parse(readFileSync(path.join(SAMPLES_DIR, 'france-travail-CEGID-france-travail-cegid-mapper.json'), 'utf8'));
    offer.contractType = { ...offer.contractType, label: 'Apprentissage', clientCode: '_TS_CO_Contract_Apprentissage' };
    const apprenticeship = await readAll(readerFor('france-travail')!, fromStrings([JSON.stringify([offer])]));
    expect(offersOf(apprenticeship)).toEqual([
      {
        externalId: '2025-82794',
        title: "CONSEILLER(E) EN CHARGE DE L'INDEMNISATION - 77",
        descriptionHtml: expect.stringMatching(/^<p>Les conseillers forment le cœur de France Travail\./),
        employer: { name: 'France Travail', siret: null, siren: null },
        location: { postcode: null, inseeCode: null, city: null, lat: null, lng: null, departmentCode: '77' },
        contractKind: 'APPRENTICESHIP',
        startDate: null,
        durationMonths: 12,
        level: null,
        romeCode: null,
        apply: { kind: 'URL', url: 'https://recrute.francetravail.org/Pages/Offre/detailoffre.aspx?idOffre=82794&idOrigine=502&LCID=1036&offerReference=2025-82794' },
        publishedAt: '2025-10-03T07:19:58.770Z',
      },
    ]);
    // The description's embedded video player is removed.
    expect(offersOf(apprenticeship)[0].descriptionHtml).not.toMatch(/iframe|youtube\.com\/embed/);
  });

  it('Decathlon: three apprenticeships under "ads", with coordinates and the longest length', async () => {
    const { offers, rejections } = await read('decathlon', 'decathlon-decathlon.json');
    expect(rejections).toEqual([]);
    expect(offers.map((o) => o.externalId)).toEqual(['KWYLVLYSRRKVGO513', 'APEKPPZCVVXREV449', 'MAZEYQGIWWPKWM534']);
    expect(offers[0]).toEqual({
      externalId: 'KWYLVLYSRRKVGO513',
      title: 'ALTERNANCE Manager Commerce (H/F)',
      descriptionHtml: expect.stringMatching(/^<p>Chez Decathlon l’<strong>alternance<\/strong> est au cœur de nos préoccupations\./),
      employer: { name: 'DECATHLON Retail Omnichannel', siret: null, siren: null },
      location: { postcode: '78140', inseeCode: null, city: 'Vélizy-Villacoublay', lat: 48.7812805, lng: 2.2201465, departmentCode: null },
      contractKind: 'APPRENTICESHIP',
      startDate: null,
      durationMonths: 24,
      level: 'BUT, Licence, Bac+3',
      romeCode: null,
      apply: { kind: 'URL', url: 'https://joinus.decathlon.fr/fr/annonce/3977401-alternance-manager-commerce-hf-78140-velizy-villacoublay#declareStep1' },
      publishedAt: '2025-11-24T10:18:17.000Z',
    });
  });

  it('Engagement Jeunes: two apprenticeships; plain-text missions become paragraphs and lists', async () => {
    const { offers, rejections } = await read('engagement-jeunes', 'engagement-jeunes-engagementJeunes.json');
    expect(rejections).toEqual([]);
    expect(offers).toHaveLength(2);
    expect(offers[0]).toMatchObject({
      externalId: '34161720',
      title: 'Agent de tri en alternance (F/H)',
      employer: { name: 'Veolia', siret: null },
      location: { postcode: '33130', city: 'Bègles', departmentCode: '33' },
      contractKind: 'APPRENTICESHIP',
      durationMonths: 12,
      level: 'BEP-CAP-BPA',
      apply: { kind: 'URL', url: 'https://www.engagement-jeunes.com/fr/detail-offre/34161720/contrat-d-apprentissage-veolia-agent-de-tri-en-alternance-f-h.html' },
    });
    expect(offers[0].descriptionHtml).toContain('<ul><li>il effectue les opérations de tri de la collecte sélective');
    expect(offers[1]).toMatchObject({ externalId: '34160724', employer: { name: 'Cultura' }, durationMonths: null });
  });

  it('Leboncoin (CSV): two apprenticeships from the title, multi-line descriptions', async () => {
    const { offers, rejections } = await read('leboncoin', 'leboncoin-import-leboncoin.csv');
    expect(rejections).toEqual([]);
    expect(offers).toHaveLength(2);
    expect(offers[1]).toMatchObject({
      externalId: '3071721792',
      title: 'Conseiller Commercial Après-Vente en Alternance (H/F)',
      employer: { name: 'GROUPE GCA', siret: null },
      location: { postcode: '08000', city: 'Charleville-Mézières' },
      contractKind: 'APPRENTICESHIP',
      apply: { kind: 'URL', url: 'https://www.leboncoin.fr/offres_d_emploi/3071721792.htm' },
      publishedAt: null,
    });
    expect(offers[0].descriptionHtml).toMatch(/^<p>Résumé<br>ALTERNANCE - Boucher F\/H, 37540 Saint Cyr Sur Loire, Alternance, Temps plein\.<\/p><p>Description du poste<br>/);
  });
});
