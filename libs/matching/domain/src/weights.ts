import { RemotePolicy } from '@alternance/offers/domain';
import { RemotePreference } from '@alternance/candidates/domain';

/**
 * Every figure the score uses, in one place. Component weights are points out of 100 and
 * must add up to 100; the other figures are percentages of a component's points, kept
 * whole so that a score is computed in exact integer hundredths whichever direction the
 * match runs (offers for a candidate or candidates for an offer give the same number).
 */
export const MATCH_WEIGHTS = {
  points: {
    /**
     * Wanting this occupation (or a close one) predicts staying in the contract, and it is the
     * one wish the board must honour: more than all the other components together, so that an
     * offer in an occupation the person wants always ranks above one in an occupation they
     * neither want nor are close to, and a person who wants the offer's occupation above one who
     * does not (`scenarios/wanted-occupation-first.spec.ts`).
     */
    occupation: 51,
    /** Required skills come next: an offer states them as conditions of the job. */
    requiredSkills: 22,
    /** A training path the person already follows, or that teaches what they miss. */
    program: 6,
    /** Closer is better, inside the radius the person gave. */
    distance: 6,
    /** When the offer lists required skills but no nice-to-have ones, this follows the required-skill share. */
    niceToHaveSkills: 5,
    /** POE offers: the missing skills can be taught within the legal training-hours cap. */
    trainingGap: 4,
    startDate: 3,
    remotePreference: 3,
  },
  skills: {
    /** A core skill of the offer's occupation weighs this many times an ordinary one. */
    coreSkillWeight: 2,
    otherSkillWeight: 1,
    /** Credit for a skill held one level below the level the offer needs. */
    oneLevelBelowPercent: 50,
    /**
     * An offer that lists no required skill expects its occupation's core skills, at any level,
     * and holding this many of them (all, when the occupation has fewer) earns the full
     * required-skill points, as meeting an offer that lists three required skills does. Offers
     * list three required skills as a rule; profiles a few skills each: a share of all the core
     * skills of a sheet (ten or so) would rank every offer without skills below the listed
     * ones, for everyone.
     */
    expectedCoreSkills: 3,
    /** Likewise for the occupation's other skills as nice to have: offers list one, or none. */
    expectedOtherSkills: 1,
  },
  occupation: {
    /**
     * ROME neighbours: credit of the first listed, minus a step per order, never below the
     * floor. The occupation's points were raised to 51 for the wished occupation alone: a
     * neighbour keeps the points it had out of 20 (12.24 for the first listed, about 1 less per
     * order, at least 4.08), a plausible move rather than the wish.
     */
    neighbourFirstPercent: 24,
    neighbourStepPercent: 2,
    neighbourFloorPercent: 8,
  },
  program: {
    /** Follows or targets one of the offer's accepted programs. */
    followsAcceptedPercent: 100,
    /** Holds every required skill, so no program is needed to fill a gap. */
    noGapPercent: 50,
    /** Scaled by the share of missing required skills the best accepted program teaches. */
    coversGapPercent: 50,
  },
  trainingGap: {
    /** Scaled by the share of the gap the best program within the cap teaches, when none teaches all of it. */
    partialCoverPercent: 40,
  },
  startDate: {
    /** Credit falls linearly to zero when the person would wait this long for the start. */
    zeroAfterDaysOfWait: 180,
  },
  /** Percent of the remote-preference points by preference and offer policy. */
  remoteFit: {
    [RemotePreference.ANY]: { [RemotePolicy.ONSITE]: 100, [RemotePolicy.HYBRID]: 100, [RemotePolicy.REMOTE]: 100 },
    [RemotePreference.ONSITE]: { [RemotePolicy.ONSITE]: 100, [RemotePolicy.HYBRID]: 70, [RemotePolicy.REMOTE]: 30 },
    [RemotePreference.HYBRID]: { [RemotePolicy.ONSITE]: 60, [RemotePolicy.HYBRID]: 100, [RemotePolicy.REMOTE]: 60 },
    [RemotePreference.REMOTE]: { [RemotePolicy.ONSITE]: 0, [RemotePolicy.HYBRID]: 50, [RemotePolicy.REMOTE]: 100 },
  } as Record<RemotePreference, Record<RemotePolicy, number>>,
} as const;

export type ScoreComponent = keyof typeof MATCH_WEIGHTS.points;

/** The order in which components are computed and explained. */
export const SCORE_COMPONENTS: readonly ScoreComponent[] = [
  'requiredSkills',
  'niceToHaveSkills',
  'occupation',
  'program',
  'trainingGap',
  'distance',
  'startDate',
  'remotePreference',
];

/** Neighbour credit in percent for a published order number. */
export function neighbourPercent(order: number): number {
  const { neighbourFirstPercent, neighbourStepPercent, neighbourFloorPercent } = MATCH_WEIGHTS.occupation;
  return Math.max(neighbourFloorPercent, neighbourFirstPercent - neighbourStepPercent * (Math.max(1, order) - 1));
}
