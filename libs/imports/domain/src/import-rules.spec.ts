import {
  DEFAULT_CLOSING_POLICY,
  Gazetteer,
  closingVerdict,
  containment,
  contentDigest,
  dedupKey,
  jaccard,
  normaliseTitle,
  ownShingles,
  sameOffer,
  shingleSequence,
  shingles,
} from './import-rules';

describe('normaliseTitle', () => {
  it('keeps the words that name the job, whatever the noise around them', () => {
    expect(normaliseTitle('Vendeur H/F (Alternance)')).toBe('vendeur');
    expect(normaliseTitle('Alternance - Vendeur  h/f')).toBe('vendeur');
    expect(normaliseTitle('Assistant(e) RH en contrat de professionnalisation')).toBe(normaliseTitle('ASSISTANT RH'));
    expect(normaliseTitle('Développeur web')).toBe('developpeur web');
    expect(normaliseTitle('Développeur web')).not.toBe(normaliseTitle('Développeur mobile'));
  });

  it('drops the feminine endings of inclusive spellings, which folding would glue to the word', () => {
    expect(normaliseTitle('Vendeur·euse H/F')).toBe('vendeur');
    expect(normaliseTitle('ALTERNANCE - Équipier·ère Polyvalent·e de Restauration')).toBe(normaliseTitle('Equipier polyvalent de restauration'));
    expect(normaliseTitle('Assistant.e Responsable Sécurité')).toBe(normaliseTitle('Assistant responsable sécurité'));
    expect(normaliseTitle('Conseiller·ère·s clientèle')).toBe('clientele conseiller');
    expect(normaliseTitle('Chef de chantier·ère')).toBe(normaliseTitle('Chef de chantier'));
    expect(normaliseTitle('Opérateur.trice de production')).toBe(normaliseTitle('Opérateur de production'));
  });
});

describe('sameOffer', () => {
  const text = '<p>Au sein de notre magasin de Lyon, vous accueillez les clients, les conseillez et tenez la caisse. Formation BTS MCO.</p>';
  const base = { organizationId: 'org-1', title: 'Vendeur H/F', inseeCode: '69123', postcode: '69003', startDate: '2027-09-01', descriptionHtml: text };

  it('takes a repost on another board, lightly edited, for the same offer', () => {
    expect(sameOffer(base, { ...base, title: 'Alternance - Vendeur (H/F)', startDate: '2027-09-15', descriptionHtml: `${text}<p>Postulez vite !</p>` })).toBe(true);
    expect(sameOffer(base, { ...base, startDate: null })).toBe(true);
  });

  it('tells apart another employer, another commune, another job, far dates and another text', () => {
    expect(sameOffer(base, { ...base, organizationId: 'org-2' })).toBe(false);
    expect(sameOffer(base, { ...base, inseeCode: '75056' })).toBe(false);
    expect(sameOffer(base, { ...base, title: 'Vendeur caissier' })).toBe(false);
    expect(sameOffer(base, { ...base, startDate: '2028-01-10' })).toBe(false);
    expect(sameOffer(base, { ...base, descriptionHtml: '<p>Entrepôt de Vénissieux : préparation de commandes, réception, inventaires. Permis cariste apprécié.</p>' })).toBe(false);
  });

  // One employer's presentation and closing paragraphs, pasted in each of its offers.
  const presentation =
    '<p>Enseigne de sport présente dans toute la France avec plus de trois cents magasins, nous recrutons chaque année des alternants que nous formons à nos métiers. ' +
    'Nos équipes partagent la passion du sport et le goût du service, et chaque alternant est accompagné par un tuteur du magasin pendant toute sa formation.</p>';
  const closing =
    '<p>Rémunération selon la grille légale, tickets restaurant, prise en charge de la moitié de l’abonnement de transport, mutuelle, remise sur nos produits et possibilité d’embauche à l’issue du contrat.</p>';
  const cashier = '<p>Vos missions :</p><ul><li>accueillir et renseigner les clients en caisse</li><li>encaisser les achats et gérer les retours</li><li>tenir la ligne de caisse propre et approvisionnée</li><li>ouvrir et clôturer la caisse le soir</li></ul>';
  const stock = '<p>Vos missions :</p><ul><li>réceptionner les livraisons au quai</li><li>ranger la réserve et suivre les stocks</li><li>préparer les commandes du retrait en magasin</li><li>réaliser les inventaires tournants du rayon</li></ul>';
  const offer = (descriptionHtml: string) => ({ ...base, title: 'Employé de magasin', descriptionHtml });

  it('takes a text cut short, without its presentation or with a partner paragraph for the same offer', () => {
    const full = `${presentation}${cashier}${closing}`;
    expect(sameOffer(offer(full), offer(full.slice(0, Math.floor(full.length * 0.7)) + '…'))).toBe(true);
    expect(sameOffer(offer(full), offer(`${cashier}${closing}`))).toBe(true);
    expect(
      sameOffer(
        offer(`${full}<p>Offre diffusée par un site d’emploi : créez votre compte pour postuler en un clic et suivre vos candidatures.</p>`),
        offer(`<p>Cette annonce est relayée par un autre site, qui transmet votre candidature au recruteur.</p>${full}`),
      ),
    ).toBe(true);
  });

  it('tells apart two positions of one employer under the same presentation and closing paragraphs', () => {
    expect(sameOffer(offer(`${presentation}${cashier}${closing}`), offer(`${presentation}${stock}${closing}`))).toBe(false);
    // a snippet of one position (presentation, then the start of its mission) beside the other's full text
    const snippet = `${presentation}<p>Vos missions :</p><ul><li>accueillir et renseigner les clients en caisse</li><li>encaisser les achats…</li></ul>`;
    expect(sameOffer(offer(snippet), offer(`${presentation}${stock}${closing}`))).toBe(false);
    expect(sameOffer(offer(snippet), offer(`${presentation}${cashier}${closing}`))).toBe(true);
  });

  it('measures containment and where the words of one text absent from the other lie', () => {
    expect(containment(new Set(['a', 'b']), new Set(['a', 'b', 'c', 'd']))).toBe(1);
    expect(containment(new Set(['a', 'x']), new Set(['a', 'b', 'c']))).toBe(0.5);
    expect(containment(new Set(), new Set(['a']))).toBe(0);
    expect(ownShingles(['h', 'a', 'x', 'x', 'b', 't'], new Set(['a', 'b']))).toEqual({ head: 1, inner: 1, tail: 1 });
    expect(ownShingles(['x', 'y'], new Set(['a']))).toEqual({ head: 2, inner: 0, tail: 0 });
    expect(shingleSequence('<p>un deux trois quatre un deux trois</p>')).toEqual(['un deux trois', 'deux trois quatre', 'trois quatre un', 'quatre un deux', 'un deux trois']);
    expect(shingleSequence('deux mots')).toEqual(['deux mots']);
  });

  it('compares descriptions without their markup or accents', () => {
    expect(jaccard(shingles('<p>Préparer les <b>commandes</b> du jour</p>'), shingles('preparer les commandes du jour'))).toBe(1);
    expect(jaccard(new Set(), new Set())).toBe(0);
    expect(dedupKey({ organizationId: 'o', title: 'Boulanger', inseeCode: null, postcode: null })).toBe('o|boulanger|-');
  });
});

describe('contentDigest', () => {
  it('is the same whatever the key order and changes with any value', () => {
    expect(contentDigest({ a: 1, b: 'x' })).toBe(contentDigest({ b: 'x', a: 1 }));
    expect(contentDigest({ a: 1, b: 'x' })).not.toBe(contentDigest({ a: 1, b: 'y' }));
    expect(contentDigest({ a: null })).toBe(contentDigest({ a: undefined }));
  });
});

describe('closingVerdict', () => {
  const policy = DEFAULT_CLOSING_POLICY;
  it('closes nothing on a partial, failed or shrunken feed', () => {
    expect(closingVerdict({ complete: false, failed: false, read: 100, previousRead: 100 }, policy)).toEqual({ close: false, reason: 'PARTIAL_FEED' });
    expect(closingVerdict({ complete: true, failed: true, read: 100, previousRead: 100 }, policy)).toEqual({ close: false, reason: 'FEED_FAILED' });
    expect(closingVerdict({ complete: true, failed: false, read: 69, previousRead: 100 }, policy)).toEqual({ close: false, reason: 'FEED_SHRANK' });
  });
  it('counts absences on a complete feed of about the usual size', () => {
    expect(closingVerdict({ complete: true, failed: false, read: 70, previousRead: 100 }, policy)).toEqual({ close: true });
    expect(closingVerdict({ complete: true, failed: false, read: 5, previousRead: null }, policy)).toEqual({ close: true });
  });
});

describe('Gazetteer', () => {
  const gazetteer = new Gazetteer([
    { inseeCode: '69383', name: 'Lyon 03', postcode: '69003', lat: 45.75, lng: 4.85 },
    { inseeCode: '42218', name: 'Saint Etienne', postcode: '42000', lat: 45.43, lng: 4.39 },
    { inseeCode: '42218', name: 'Saint Etienne', postcode: '42100', lat: 45.43, lng: 4.39 },
    { inseeCode: '76575', name: 'Saint Etienne du Rouvray', postcode: '76800', lat: 49.37, lng: 1.1 },
    { inseeCode: '01001', name: 'L Abergement Clemenciat', postcode: '01400', lat: 46.15, lng: 4.92 },
    { inseeCode: '01002', name: 'Chatillon sur Chalaronne', postcode: '01400', lat: 46.12, lng: 4.95 },
  ]);

  it('places by INSEE code, then postcode (with the commune named under it), then name', () => {
    expect(gazetteer.locate({ inseeCode: '76575', postcode: null, city: null })?.name).toBe('Saint Etienne du Rouvray');
    expect(gazetteer.locate({ inseeCode: null, postcode: '01400', city: 'Châtillon-sur-Chalaronne' })?.inseeCode).toBe('01002');
    expect(gazetteer.locate({ inseeCode: null, postcode: '01400', city: null })?.inseeCode).toBe('01001');
    expect(gazetteer.locate({ inseeCode: null, postcode: null, city: 'St-Étienne' })?.inseeCode).toBe('42218');
    expect(gazetteer.locate({ inseeCode: null, postcode: null, city: 'Lyon' })?.postcode).toBe('69003');
    expect(gazetteer.locate({ inseeCode: null, postcode: null, city: 'Atlantis' })).toBeUndefined();
  });
});
