import { MatchCandidate, MatchOffer, MatchReference, TrainingGap } from './match-model';
import { PreparedCandidate, PreparedOffer, matchContext, prepareCandidateUncached, prepareOfferUncached, programsFor, slotNeed, slotSkill } from './prepare';
import { heldLevels } from './score-parts';

/**
 * POE is train-then-hire: the employer takes on a job seeker who lacks some required skills
 * and the training teaches them first. The gap is every required skill not held at the
 * needed level; a program covers it when its competency blocks teach all of it and its
 * hours fit the legal cap for this person. Other contracts train on the job: no gap here.
 * An offer that lists no required skill expects a few of its occupation's core skills
 * (`requiredQuota`): the gap is then the core skills not held, of which the person needs as
 * many as the quota still lacks, and a program covers it when it teaches that many of them.
 */
export function trainingGapOf(pc: PreparedCandidate, po: PreparedOffer, reference: MatchReference): TrainingGap | null {
  if (!po.rule?.trainingHoursCap) return null;
  const levels = heldLevels(pc, po);
  const missing: number[] = [];
  for (let slot = 0; slot < po.requiredCount; slot++) if (levels[slot] < slotNeed(po.slots[slot])) missing.push(slot);
  const needed = Math.max(0, po.requiredQuota - (po.requiredCount - missing.length));
  if (needed === 0) return { skills: [], coveredBy: [] };
  const codes = matchContext(reference).skillCodes;
  const skills = missing.map((slot) => {
    const code = codes[slotSkill(po.slots[slot])];
    return { code, label: reference.skillLabels.get(code) ?? null };
  });
  const coveredBy = programsFor(po, pc)
    .filter(({ teaches }) => missing.reduce((taught, slot) => taught + teaches[slot], 0) >= needed)
    .map(({ program }) => ({ id: program.id, trainingHours: program.trainingHours }))
    .sort((a, b) => a.trainingHours - b.trainingHours || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { skills, coveredBy };
}

export function trainingGap(candidate: MatchCandidate, offer: MatchOffer, reference: MatchReference): TrainingGap | null {
  return trainingGapOf(prepareCandidateUncached(candidate, reference), prepareOfferUncached(offer, reference), reference);
}
