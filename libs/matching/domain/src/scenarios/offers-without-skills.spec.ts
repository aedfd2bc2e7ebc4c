import { SkillLevel } from '@alternance/taxonomy/domain';
import { matchCandidatesForOffer, matchOffersForCandidate, rankOffersForCandidate, rankPairs, score, scoreEveryPair, trainingGap } from '../index';
import { CODE, DEVELOP, DOCUMENT, GIT, M1805_OTHER_SKILLS, PARIS, TEST, TODAY, VERSAILLES, aCandidate, anOffer, aPoeiOffer, aProgram, aReference } from '../testing/match-factories';

/**
 * Offers imported from partner feeds mostly list no skills. Such an offer is matched on its
 * occupation's ROME sheet: the core skills (coeur de métier) are expected as required, any
 * level, three of them for the full points (as an offer listing three required skills), and
 * the sheet's other skills count as nice to have, one for the full points. Listing nothing used
 * to give every person full skill marks, so a bakery offer next door outranked the developer
 * offers a developer asked for.
 */
// D1102 (Boulanger / Boulangère), ROME 4.0 v60: core skills, then some of the others.
const BAKERY_CORE = ['104174', '106439', '123778', '124960', '126357', '300181', '300374', '300375', '403583', '483320', '486446', '489491'];
const BAKERY_OTHER = ['104324', '124958', '124959', '126290', '300263', '486447'];
const KNEAD = '486446';
const BAKE_VIENNOISERIE = '126357';
const HYGIENE = '403583';

const M1805_CORE = [CODE, DEVELOP, DOCUMENT];
const reference = aReference({
  coreSkills: [
    ['M1805', M1805_CORE],
    ['D1102', BAKERY_CORE],
  ],
  occupationSkills: [
    ['M1805', [...M1805_CORE, ...M1805_OTHER_SKILLS]],
    ['D1102', [...BAKERY_CORE, ...BAKERY_OTHER]],
  ],
});
const reason = (result: { reasons: { code: string; label: string; labelFr: string; contribution: number }[] }, code: string) => result.reasons.find((r) => r.code === code)!;
const at = (code: string, level = SkillLevel.BEGINNER) => ({ code, level });

describe('offers that list no skills', () => {
  // Same street as the person: 100 m away.
  const bakery = anOffer({ id: 'bakery', romeCode: 'D1102', skills: [], location: { lat: PARIS.lat + 0.0009, lng: PARIS.lng } });
  const developer = anOffer({ id: 'developer', location: VERSAILLES });
  const developerCandidate = aCandidate({ skills: [at(CODE, SkillLevel.INTERMEDIATE)], mobilityRadiusKm: 20 });

  it('no longer rank a bakery next door above the developer offer a developer asked for', () => {
    const ranked = matchOffersForCandidate(developerCandidate, [bakery, developer], reference, TODAY);
    expect(ranked.map((r) => r.id)).toEqual(['developer', 'bakery']);
    const bakeryResult = ranked[1];
    // Holds none of the bakery's skills: nothing from either skill component.
    expect(reason(bakeryResult, 'REQUIRED_SKILLS')).toMatchObject({
      contribution: 0,
      label: 'No required skill listed: the skills expected for this occupation (ROME D1102) count, 0 of its 12 core skills held (3 for full points)',
    });
    expect(reason(bakeryResult, 'NICE_TO_HAVE_SKILLS')).toMatchObject({ contribution: 0, label: 'No skill listed: the other skills of this occupation count as nice to have, 0 of 6 held (1 for full points)' });
    expect(bakeryResult.score).toBeLessThan(20);
    expect(ranked[0].score - bakeryResult.score).toBeGreaterThan(50);
  });

  it('give the full required points for three core skills held, at any level, and the nice-to-have points for one other', () => {
    const baker = (skills: { code: string; level: SkillLevel }[]) => score(aCandidate({ desiredRomeCodes: ['D1102'], skills }), bakery, reference, TODAY);
    const required = (skills: { code: string; level: SkillLevel }[]) => reason(baker(skills), 'REQUIRED_SKILLS').contribution;
    expect(required([at(KNEAD)])).toBe(7.33);
    expect(required([at(KNEAD), at(HYGIENE)])).toBe(14.67);
    expect(required([at(KNEAD), at(BAKE_VIENNOISERIE, SkillLevel.EXPERT), at(HYGIENE)])).toBe(22);
    // More than three earns nothing more.
    expect(required([at(KNEAD), at(BAKE_VIENNOISERIE), at(HYGIENE), at('104174')])).toBe(22);
    const result = baker([at(KNEAD), at(BAKE_VIENNOISERIE, SkillLevel.EXPERT), at(HYGIENE), at('124958')]);
    expect(reason(result, 'NICE_TO_HAVE_SKILLS').contribution).toBe(5);
    expect(reason(result, 'REQUIRED_SKILLS').labelFr).toBe(
      'Aucune compétence requise indiquée : les compétences attendues pour ce métier (ROME D1102) comptent, 3 sur ses 12 compétences cœur de métier (3 pour tous les points)',
    );
    expect(reason(result, 'PROGRAM_FIT').label).toBe('Holds the core skills expected for this occupation: no program needed to fill a gap');
    expect(result.reasons.reduce((sum, r) => sum + r.contribution, 0)).toBeCloseTo(result.score, 9);
  });

  it('rank people for such an offer by how much of the occupation they hold', () => {
    const baker = (id: string, skills: string[]) => aCandidate({ id, desiredRomeCodes: ['D1102'], skills: skills.map((code) => at(code)) });
    const people = [baker('a-none', []), baker('b-one', [KNEAD]), baker('c-three', [KNEAD, BAKE_VIENNOISERIE, HYGIENE]), baker('d-other', ['124958'])];
    const ranked = matchCandidatesForOffer(bakery, people, reference, TODAY);
    expect(ranked.map((r) => r.id)).toEqual(['c-three', 'b-one', 'd-other', 'a-none']);
  });

  it('expect the core skills of an offer that lists only nice-to-have ones, which stay nice to have', () => {
    const niceOnly = anOffer({ skills: [{ code: DOCUMENT, level: SkillLevel.BEGINNER, required: false }, { code: GIT, level: SkillLevel.BEGINNER, required: false }] });
    const result = score(aCandidate({ skills: [at(CODE), at(DOCUMENT)] }), niceOnly, reference, TODAY);
    // Required: CODE and DEVELOP (DOCUMENT is listed as nice to have), CODE held: 22 / 2.
    expect(reason(result, 'REQUIRED_SKILLS')).toMatchObject({ contribution: 11, label: expect.stringContaining('1 of its 2 core skills held') });
    // Nice to have as listed: DOCUMENT (core, weight 2) held, GIT not: 5 × 2 / 3.
    expect(reason(result, 'NICE_TO_HAVE_SKILLS')).toMatchObject({ contribution: 3.33, label: 'Nice-to-have skills: 1 of 2 held' });
  });

  it('give no skill points when neither the offer nor the referential names a skill of the occupation', () => {
    const unknown = anOffer({ romeCode: 'K2111', skills: [] });
    const result = score(aCandidate({ desiredRomeCodes: ['K2111'] }), unknown, reference, TODAY);
    expect(reason(result, 'REQUIRED_SKILLS')).toMatchObject({ contribution: 0, label: 'No required skill listed, and none known for this occupation (ROME K2111): no skill points' });
    expect(reason(result, 'NICE_TO_HAVE_SKILLS').contribution).toBe(0);
  });

  it('make a POE gap of the core skills the person lacks to reach three, coverable by a program teaching that many of them', () => {
    const poei = aPoeiOffer({ romeCode: 'D1102', skills: [], programIds: ['two', 'one'] });
    const teaching = (id: string, skillCodes: string[]) => aProgram({ id, trainingHours: 200, romeCodes: ['D1102'], competencyBlocks: [{ code: `${id}-BC1`, title: 'Boulangerie', skillCodes }] });
    const withPrograms = aReference({
      programs: [teaching('two', [KNEAD, BAKE_VIENNOISERIE]), teaching('one', [KNEAD])],
      coreSkills: [['D1102', BAKERY_CORE]],
      occupationSkills: [['D1102', [...BAKERY_CORE, ...BAKERY_OTHER]]],
    });
    const jobSeeker = aCandidate({ jobSeeker: true, desiredRomeCodes: ['D1102'], skills: [at(HYGIENE)] });
    const gap = trainingGap(jobSeeker, poei, withPrograms)!;
    // Every core skill not held is listed; two of them close the gap, which only 'two' teaches.
    expect(gap.skills.map((s) => s.code)).toEqual(BAKERY_CORE.filter((code) => code !== HYGIENE));
    expect(gap.coveredBy).toEqual([{ id: 'two', trainingHours: 200 }]);
    const result = score(jobSeeker, poei, withPrograms, TODAY);
    expect(reason(result, 'TRAINING_GAP')).toMatchObject({ contribution: 4, label: 'The 2 missing skills can be taught within the training-hours cap' });
    expect(reason(result, 'PROGRAM_FIT')).toMatchObject({ contribution: 3, label: 'An accepted program teaches 2 of the 2 missing required skills' });
    const baker = aCandidate({ jobSeeker: true, desiredRomeCodes: ['D1102'], skills: [at(HYGIENE), at(KNEAD), at('104174')] });
    expect(trainingGap(baker, poei, withPrograms)).toEqual({ skills: [], coveredBy: [] });
  });

  it('get the same answers from the fast matcher, the batch ranking and scoring every pair', () => {
    const offers = [bakery, developer, anOffer({ id: 'dev-none', skills: [] }), anOffer({ id: 'dev-nice', skills: [{ code: TEST, level: SkillLevel.ADVANCED, required: false }] })];
    const people = [developerCandidate, aCandidate({ id: 'cand-2', skills: [at(DOCUMENT), at(TEST)] }), aCandidate({ id: 'baker', desiredRomeCodes: ['D1102'], skills: [at(KNEAD)] })];
    const pairs = scoreEveryPair(people, offers, reference, TODAY);
    for (const person of people) {
      const expected = rankPairs(pairs.filter((p) => p.candidateId === person.id), 'offer');
      expect(matchOffersForCandidate(person, offers, reference, TODAY)).toEqual(expected);
      expect(rankOffersForCandidate(person, offers, reference, TODAY)).toEqual(expected.map(({ id, score: s, eligible }) => ({ id, score: s, eligible })));
    }
    for (const offer of offers) expect(matchCandidatesForOffer(offer, people, reference, TODAY)).toEqual(rankPairs(pairs.filter((p) => p.offerId === offer.id), 'candidate'));
  });
});
