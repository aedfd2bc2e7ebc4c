import { EligibilityCode, eligibility, matchCandidatesForOffer } from '../index';
import { TODAY, aCandidate, aPoeiOffer, aProgram, aReference, codes } from '../testing/match-factories';

/**
 * POEI training-hours caps (Code du travail R6326-1 to R6326-5, figures as the issue gives
 * them): 300 h with in-company tutoring only, 450 h with a training organisation, 600 h for
 * the priority public. A program counts only if it is POE-eligible and within the cap that
 * applies to this person; an offer whose every program is over the cap cannot be a POEI.
 */
describe('POEI training-hours cap', () => {
  const jobSeeker = aCandidate({ jobSeeker: true });
  const priority = aCandidate({ id: 'cand-priority', jobSeeker: true, poePriorityPublic: true });
  const verdict = (program: ReturnType<typeof aProgram>, candidate = jobSeeker) =>
    eligibility(candidate, aPoeiOffer({ programIds: [program.id] }), aReference({ programs: [program] }), TODAY);

  it('allows 300 h of in-company tutoring, not 301', () => {
    expect(verdict(aProgram({ trainingHours: 300, withTrainingOrganisation: false })).eligible).toBe(true);
    expect(codes(verdict(aProgram({ trainingHours: 301, withTrainingOrganisation: false })))).toEqual([EligibilityCode.TRAINING_HOURS_ABOVE_CAP]);
  });

  it('reads an unstated training organisation as in-company tutoring, the lowest cap', () => {
    expect(codes(verdict(aProgram({ trainingHours: 301, withTrainingOrganisation: undefined })))).toEqual([EligibilityCode.TRAINING_HOURS_ABOVE_CAP]);
  });

  it('allows 450 h with a training organisation, not 451', () => {
    expect(verdict(aProgram({ trainingHours: 450 })).eligible).toBe(true);
    const refused = verdict(aProgram({ trainingHours: 451 }));
    expect(codes(refused)).toEqual([EligibilityCode.TRAINING_HOURS_ABOVE_CAP]);
    expect(refused.reasons[0].label).toContain('300 h in-company, 450 h with a training organisation, 600 h for the priority public');
  });

  it('allows up to 600 h for the priority public, not 601', () => {
    expect(verdict(aProgram({ trainingHours: 451 }), priority).eligible).toBe(true);
    expect(verdict(aProgram({ trainingHours: 600 }), priority).eligible).toBe(true);
    expect(codes(verdict(aProgram({ trainingHours: 601 }), priority))).toEqual([EligibilityCode.TRAINING_HOURS_ABOVE_CAP]);
    expect(codes(verdict(aProgram({ trainingHours: 400, withTrainingOrganisation: false }), priority))).toEqual([EligibilityCode.TRAINING_HOURS_ABOVE_CAP]);
  });

  it('refuses a program flagged as not POE-eligible whatever its hours', () => {
    expect(codes(verdict(aProgram({ trainingHours: 100, poeEligible: false })))).toEqual([EligibilityCode.TRAINING_HOURS_ABOVE_CAP]);
  });

  it('is satisfied by any one program within the cap', () => {
    const short = aProgram({ id: 'short', trainingHours: 280 });
    const long = aProgram({ id: 'long', trainingHours: 900 });
    const offer = aPoeiOffer({ programIds: ['long', 'short'] });
    expect(eligibility(jobSeeker, offer, aReference({ programs: [short, long] }), TODAY).eligible).toBe(true);
  });

  it('sets no cap when the offer names no program', () => {
    expect(eligibility(jobSeeker, aPoeiOffer({ programIds: [] }), aReference(), TODAY).eligible).toBe(true);
  });

  it('lets the priority public in where the ordinary cap keeps others out', () => {
    const program = aProgram({ trainingHours: 520 });
    const offer = aPoeiOffer({ programIds: [program.id] });
    const ranked = matchCandidatesForOffer(offer, [jobSeeker, priority], aReference({ programs: [program] }), TODAY);
    expect(ranked.map((r) => r.id)).toEqual(['cand-priority']);
  });
});
