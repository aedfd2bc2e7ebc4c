import { SkillLevel } from '@alternance/taxonomy/domain';
import { MATCH_WEIGHTS, SCORE_COMPONENTS, score } from '../index';
import { CODE, DEVELOP, DOCUMENT, GIT, TEST, TODAY, aCandidate, anOffer, aProgram, aReference } from '../testing/match-factories';

/**
 * The score is the sum of its component reasons. The wished occupation weighs most; then
 * required skills, weighted by level
 * (the needed level or more: full; one below: half) and by whether the skill is core to the
 * offer's ROME occupation (twice an ordinary one).
 */
describe('score components', () => {
  const reference = aReference();
  const part = (result: ReturnType<typeof score>, code: string) => result.reasons.find((r) => r.code === code)?.contribution;

  it('keeps its weights in one table that adds up to 100', () => {
    expect(Object.values(MATCH_WEIGHTS.points).reduce((a, b) => a + b, 0)).toBe(100);
    expect(SCORE_COMPONENTS).toHaveLength(Object.keys(MATCH_WEIGHTS.points).length);
    // The wished occupation outweighs every other component together (see wanted-occupation-first.spec.ts).
    expect(MATCH_WEIGHTS.points.occupation).toBeGreaterThan(100 - MATCH_WEIGHTS.points.occupation);
  });

  it('explains every component once, in a fixed order, and the contributions add up to the score', () => {
    const result = score(aCandidate(), anOffer(), reference, TODAY);
    expect(result.reasons.map((r) => r.code)).toEqual(['REQUIRED_SKILLS', 'NICE_TO_HAVE_SKILLS', 'OCCUPATION_FIT', 'PROGRAM_FIT', 'TRAINING_GAP', 'DISTANCE', 'START_DATE', 'REMOTE_PREFERENCE']);
    expect(result.reasons.reduce((sum, r) => sum + r.contribution, 0)).toBeCloseTo(result.score, 9);
    for (const reason of result.reasons) {
      expect(reason.label).not.toEqual('');
      expect(reason.labelFr).not.toEqual('');
    }
  });

  it('gives full required-skill credit at or above the needed level, half one level below, none two below', () => {
    const offer = anOffer({ skills: [{ code: TEST, level: SkillLevel.ADVANCED, required: true }] });
    const at = (level: SkillLevel) => part(score(aCandidate({ skills: [{ code: TEST, level }] }), offer, reference, TODAY), 'REQUIRED_SKILLS');
    expect(at(SkillLevel.EXPERT)).toBe(22);
    expect(at(SkillLevel.ADVANCED)).toBe(22);
    expect(at(SkillLevel.INTERMEDIATE)).toBe(11);
    expect(at(SkillLevel.BEGINNER)).toBe(0);
    expect(part(score(aCandidate({ skills: [] }), offer, reference, TODAY), 'REQUIRED_SKILLS')).toBe(0);
  });

  it('weighs a core skill of the occupation twice an ordinary one', () => {
    // CODE is core to M1805, TEST is not: 2 + 1 weight units.
    const offer = anOffer({ skills: [{ code: CODE, level: SkillLevel.BEGINNER, required: true }, { code: TEST, level: SkillLevel.BEGINNER, required: true }] });
    const holdsCore = score(aCandidate({ skills: [{ code: CODE, level: SkillLevel.BEGINNER }] }), offer, reference, TODAY);
    const holdsOther = score(aCandidate({ skills: [{ code: TEST, level: SkillLevel.BEGINNER }] }), offer, reference, TODAY);
    expect(part(holdsCore, 'REQUIRED_SKILLS')).toBe(14.67);
    expect(part(holdsOther, 'REQUIRED_SKILLS')).toBe(7.33);
    expect(holdsCore.reasons[0].label).toBe('Required skills: 1 of 2 at the needed level; 1 core skill of the occupation counts double');
  });

  it('counts nice-to-have skills apart, with the same level rule', () => {
    const offer = anOffer({ skills: [{ code: CODE, level: SkillLevel.BEGINNER, required: true }, { code: GIT, level: SkillLevel.ADVANCED, required: false }, { code: DOCUMENT, level: SkillLevel.BEGINNER, required: false }] });
    // GIT one level below (half of weight 1), DOCUMENT held (core: weight 2): (50 + 200) / 300.
    const result = score(aCandidate({ skills: [{ code: CODE, level: SkillLevel.BEGINNER }, { code: GIT, level: SkillLevel.INTERMEDIATE }, { code: DOCUMENT, level: SkillLevel.BEGINNER }] }), offer, reference, TODAY);
    expect(part(result, 'NICE_TO_HAVE_SKILLS')).toBe(4.17);
    expect(part(result, 'REQUIRED_SKILLS')).toBe(22);
  });

  it('counts an offer without nice-to-have skills by its required-skill share, so listing less earns nothing', () => {
    const offer = anOffer({ skills: [{ code: CODE, level: SkillLevel.BEGINNER, required: true }, { code: TEST, level: SkillLevel.BEGINNER, required: true }] });
    const holdsCore = score(aCandidate({ skills: [{ code: CODE, level: SkillLevel.BEGINNER }] }), offer, reference, TODAY);
    expect(part(holdsCore, 'NICE_TO_HAVE_SKILLS')).toBe(3.33);
    expect(part(score(aCandidate({ skills: [] }), offer, reference, TODAY), 'NICE_TO_HAVE_SKILLS')).toBe(0);
  });


  it('rewards following an accepted program, else an accepted program that teaches the missing skills', () => {
    const teachesDevelop = aProgram({ id: 'dev', competencyBlocks: [{ code: 'BC1', title: 'Développer', skillCodes: [DEVELOP] }] });
    const programs = aReference({ programs: [teachesDevelop] });
    const offer = anOffer({ programIds: ['dev'] });
    const lacksDevelop = { skills: [{ code: CODE, level: SkillLevel.ADVANCED }] };
    expect(part(score(aCandidate({ ...lacksDevelop, programIds: ['dev'] }), offer, programs, TODAY), 'PROGRAM_FIT')).toBe(6);
    expect(part(score(aCandidate(lacksDevelop), offer, programs, TODAY), 'PROGRAM_FIT')).toBe(3);
    expect(part(score(aCandidate(lacksDevelop), anOffer({ programIds: [] }), programs, TODAY), 'PROGRAM_FIT')).toBe(0);
    expect(part(score(aCandidate(), offer, programs, TODAY), 'PROGRAM_FIT')).toBe(3);
  });

  it('ignores a program the contract cannot use', () => {
    const closed = aProgram({ id: 'closed', openToApprenticeship: false });
    const offer = anOffer({ programIds: ['closed'] });
    expect(part(score(aCandidate({ programIds: ['closed'] }), offer, aReference({ programs: [closed] }), TODAY), 'PROGRAM_FIT')).toBe(3);
  });

  it('scores a perfect pair 100', () => {
    const program = aProgram({ id: 'p' });
    const offer = anOffer({ programIds: ['p'], startEarliest: TODAY });
    expect(score(aCandidate({ programIds: ['p'], skills: [{ code: CODE, level: SkillLevel.EXPERT }, { code: DEVELOP, level: SkillLevel.EXPERT }, { code: TEST, level: SkillLevel.EXPERT }] }), offer, aReference({ programs: [program] }), TODAY).score).toBe(100);
  });
});
