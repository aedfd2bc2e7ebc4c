import { classifyContract, isWorkStudy } from './contract-kind';

describe('classifyContract', () => {
  it('reads contract fields first', () => {
    expect(classifyContract(["CDD - Alternance - Contrat d'apprentissage"])).toBe('APPRENTICESHIP');
    expect(classifyContract(['CDD - Alternance - Contrat de professionnalisation'])).toBe('PROFESSIONALISATION');
    expect(classifyContract(['Apprenticeship'])).toBe('APPRENTICESHIP');
    expect(classifyContract(['apprentice', 'cdi'])).toBe('APPRENTICESHIP');
    expect(classifyContract(["Contrat d'alternance (pro, apprentissage)"])).toBe('APPRENTICESHIP');
    expect(classifyContract(['CDI'], ['Alternance - développeur'])).toBe('OTHER');
    expect(classifyContract(['VIE', 'CONTRAT_VIE'])).toBe('OTHER');
    expect(classifyContract(['Stage'])).toBe('OTHER');
    expect(classifyContract(['Intérim'])).toBe('OTHER');
  });

  it('takes work-study without its kind as apprenticeship, unless the text names professionalisation only', () => {
    expect(classifyContract(['Alternance'])).toBe('APPRENTICESHIP');
    expect(classifyContract(['Alternating'])).toBe('APPRENTICESHIP');
    expect(classifyContract(['CONTRAT_ALTERNANCE'])).toBe('APPRENTICESHIP');
    expect(classifyContract(['Alternance'], ['Technicien', 'en contrat de professionnalisation de 12 mois'])).toBe('PROFESSIONALISATION');
    expect(classifyContract(['Alternance'], ['Technicien', 'contrat pro ou apprentissage'])).toBe('APPRENTICESHIP');
  });

  it('falls back to the title, then the description', () => {
    expect(classifyContract([null, ''], ['APPRENTI(E) - Rédacteur'])).toBe('APPRENTICESHIP');
    expect(classifyContract([], ['Contrat pro - Vendeur'])).toBe('PROFESSIONALISATION');
    expect(classifyContract([], ['Conseiller entreprise h/f (CDI)', 'vous avez fait une alternance'])).toBe('OTHER');
    expect(classifyContract([], ['Chargé(e) de projet', 'nous recherchons deux alternants disponibles'])).toBe('APPRENTICESHIP');
    expect(classifyContract([], ['Stagiaire comptable'])).toBe('OTHER');
    expect(classifyContract([], ['Vendeur', 'CDD de 6 mois'])).toBe('OTHER');
    expect(classifyContract([], ['Responsable de marché', 'Un groupe pharmaceutique'])).toBeNull();
  });

  it('does not mistake ordinary words for contracts', () => {
    // "alternant" as a verb, "vie" as life, "permanent" as an adjective.
    expect(classifyContract([], ['Consultant', 'un pilotage alternant présentiel et distanciel'])).toBeNull();
    expect(classifyContract([], ['Assistant(e) de vie aux familles', 'un accompagnement permanent'])).toBeNull();
    expect(classifyContract(['Temps plein'], ['Vendeur'])).toBeNull();
  });

  it('says which kinds are work-study', () => {
    expect([isWorkStudy('APPRENTICESHIP'), isWorkStudy('PROFESSIONALISATION'), isWorkStudy('OTHER'), isWorkStudy(null)]).toEqual([true, true, false, false]);
  });
});
