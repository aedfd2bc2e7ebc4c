import { RemotePolicy } from '@alternance/offers/domain';
import { RemotePreference } from '@alternance/candidates/domain';
import { Day } from './calendar';
import { MatchReason, MatchReference } from './match-model';
import { PreparedCandidate, PreparedOffer, matchContext, occupationCredit, occupationPercent, pairDistanceKm, programsFor, romeId, slotNeed, slotWeight } from './prepare';
import { bestGapCover, followsAcceptedProgram, heldLevels, skillCreditPercent, waitDays } from './score-parts';
import { MATCH_WEIGHTS, SCORE_COMPONENTS, ScoreComponent } from './weights';

type Label = [en: string, fr: string];

const POLICY: Record<RemotePolicy, Label> = {
  [RemotePolicy.ONSITE]: ['on site', 'sur site'],
  [RemotePolicy.HYBRID]: ['hybrid', 'hybride'],
  [RemotePolicy.REMOTE]: ['remote', 'à distance'],
};

const PREFERENCE: Record<RemotePreference, Label> = {
  [RemotePreference.ONSITE]: ['on site', 'sur site'],
  [RemotePreference.HYBRID]: ['hybrid', 'hybride'],
  [RemotePreference.REMOTE]: ['remote', 'à distance'],
  [RemotePreference.ANY]: ['any arrangement', 'toute organisation'],
};

/**
 * One readable line per score component, with the contribution the score computed. Labels
 * are worked out again here (counts, distances, program names) only for the pairs shown,
 * never in the bulk scoring.
 */
export function describeComponents(pc: PreparedCandidate, po: PreparedOffer, today: Day, parts: Int32Array, reference: MatchReference): MatchReason[] {
  const levels = heldLevels(pc, po).slice(0, po.slots.length);
  const labels: Record<ScoreComponent, Label> = {
    requiredSkills: requiredLabel(po, levels),
    niceToHaveSkills: niceLabel(po, levels),
    occupation: occupationLabel(pc, po, reference),
    program: programLabel(pc, po, levels),
    trainingGap: trainingGapLabel(pc, po, levels),
    distance: distanceLabel(pc, po),
    startDate: startLabel(pc, po, today),
    remotePreference: [
      `Prefers ${PREFERENCE[pc.candidate.remotePreference][0]}; the job is ${POLICY[po.offer.remotePolicy][0]}`,
      `Préfère ${PREFERENCE[pc.candidate.remotePreference][1]} ; le poste est ${POLICY[po.offer.remotePolicy][1]}`,
    ],
  };
  return SCORE_COMPONENTS.map((component, i) => ({
    code: CODES[component],
    label: labels[component][0],
    labelFr: labels[component][1],
    contribution: parts[i] / 100,
  }));
}

export const CODES: Record<ScoreComponent, string> = {
  requiredSkills: 'REQUIRED_SKILLS',
  niceToHaveSkills: 'NICE_TO_HAVE_SKILLS',
  occupation: 'OCCUPATION_FIT',
  program: 'PROGRAM_FIT',
  trainingGap: 'TRAINING_GAP',
  distance: 'DISTANCE',
  startDate: 'START_DATE',
  remotePreference: 'REMOTE_PREFERENCE',
};

function requiredLabel(po: PreparedOffer, levels: Uint8Array): Label {
  const rome = po.offer.romeCode;
  if (po.requiredCount === 0) {
    return [
      `No required skill listed, and none known for this occupation (ROME ${rome}): no skill points`,
      `Aucune compétence requise indiquée ni connue pour ce métier (ROME ${rome}) : pas de points de compétences`,
    ];
  }
  if (po.requiredFromOccupation) {
    const held = countHeld(po, levels, 0, po.requiredCount);
    const n = po.requiredCount;
    return [
      `No required skill listed: the skills expected for this occupation (ROME ${rome}) count, ${held} of its ${n} core skills held (${po.requiredQuota} for full points)`,
      `Aucune compétence requise indiquée : les compétences attendues pour ce métier (ROME ${rome}) comptent, ${held} sur ses ${n} compétences cœur de métier (${po.requiredQuota} pour tous les points)`,
    ];
  }
  let full = 0;
  let partial = 0;
  let core = 0;
  for (let slot = 0; slot < po.requiredCount; slot++) {
    const credit = skillCreditPercent(levels[slot], slotNeed(po.slots[slot]));
    if (credit === 100) full++;
    else if (credit > 0) partial++;
    if (slotWeight(po.slots[slot]) > 1) core++;
  }
  const n = po.requiredCount;
  const coreEn = core ? `; ${core} core skill${core > 1 ? 's' : ''} of the occupation count${core > 1 ? '' : 's'} double` : '';
  const coreFr = core ? ` ; ${core} compétence${core > 1 ? 's' : ''} cœur de métier compte${core > 1 ? 'nt' : ''} double` : '';
  return [
    `Required skills: ${full} of ${n} at the needed level${partial ? `, ${partial} one level below` : ''}${coreEn}`,
    `Compétences requises : ${full} sur ${n} au niveau demandé${partial ? `, ${partial} à un niveau en dessous` : ''}${coreFr}`,
  ];
}

function niceLabel(po: PreparedOffer, levels: Uint8Array): Label {
  const n = po.slots.length - po.requiredCount;
  if (n === 0) return ['No nice-to-have skills listed: counted like the required ones', 'Aucune compétence appréciée indiquée : comptée comme les compétences requises'];
  const held = countHeld(po, levels, po.requiredCount, po.slots.length);
  if (po.niceFromOccupation) {
    const full = Math.min(n, MATCH_WEIGHTS.skills.expectedOtherSkills);
    return [
      `No skill listed: the other skills of this occupation count as nice to have, ${held} of ${n} held (${full} for full points)`,
      `Aucune compétence indiquée : les autres compétences de ce métier comptent comme appréciées, ${held} sur ${n} (${full} pour tous les points)`,
    ];
  }
  return [`Nice-to-have skills: ${held} of ${n} held`, `Compétences appréciées : ${held} sur ${n}`];
}

/** Slots `from..to` the person earns any credit for. */
function countHeld(po: PreparedOffer, levels: Uint8Array, from: number, to: number): number {
  let held = 0;
  for (let slot = from; slot < to; slot++) if (skillCreditPercent(levels[slot], slotNeed(po.slots[slot])) > 0) held++;
  return held;
}

function occupationLabel(pc: PreparedCandidate, po: PreparedOffer, reference: MatchReference): Label {
  const context = matchContext(reference);
  const rome = po.offer.romeCode;
  const credit = occupationPercent(context, pc, po);
  if (credit === 100) return [`Wants this occupation (ROME ${rome})`, `Souhaite ce métier (ROME ${rome})`];
  if (credit === 0) return [`This occupation (ROME ${rome}) is not among the wished ones`, `Ce métier (ROME ${rome}) ne fait pas partie des souhaits`];
  const from = pc.candidate.desiredRomeCodes.find((code) => occupationCredit(context, romeId(context, code)).get(po.rome) === credit) ?? '?';
  return [
    `Wants a neighbouring occupation: ROME ${from} is close to ${rome}`,
    `Souhaite un métier proche : ROME ${from}, proche de ${rome}`,
  ];
}

/** Required skills the person still needs at the needed level, as `skillPoints` counts them. */
function gapOf(po: PreparedOffer, levels: Uint8Array): number {
  let met = 0;
  for (let slot = 0; slot < po.requiredCount; slot++) if (levels[slot] >= slotNeed(po.slots[slot])) met++;
  return Math.max(0, po.requiredQuota - met);
}

function programLabel(pc: PreparedCandidate, po: PreparedOffer, levels: Uint8Array): Label {
  const programs = programsFor(po, pc);
  const follows = followsAcceptedProgram(pc, programs);
  if (follows) {
    const name = follows.program.title ?? follows.program.id;
    return [`Follows or targets an accepted program: ${name}`, `Suit ou vise une formation acceptée : ${name}`];
  }
  const gap = gapOf(po, levels);
  if (gap === 0 && po.requiredFromOccupation) {
    return ['Holds the core skills expected for this occupation: no program needed to fill a gap', 'Maîtrise les compétences cœur de métier attendues : pas de lacune à combler'];
  }
  if (gap === 0) return ['Holds every required skill: no program needed to fill a gap', 'Maîtrise toutes les compétences requises : pas de lacune à combler'];
  const covered = Math.min(gap, bestGapCover(programs, levels, po));
  if (covered === 0) return ['No accepted program teaches the missing required skills', "Aucune formation acceptée n'enseigne les compétences requises manquantes"];
  return [
    `An accepted program teaches ${covered} of the ${gap} missing required skills`,
    `Une formation acceptée enseigne ${covered} des ${gap} compétences requises manquantes`,
  ];
}

function trainingGapLabel(pc: PreparedCandidate, po: PreparedOffer, levels: Uint8Array): Label {
  if (!po.rule?.trainingHoursCap) return ['Training is part of this contract: no pre-hire gap to close', 'La formation fait partie du contrat : pas de lacune à combler avant embauche'];
  const gap = gapOf(po, levels);
  if (gap === 0) return ['No skill gap to train before the job', 'Aucune lacune à combler avant le poste'];
  const programs = programsFor(po, pc);
  const covered = Math.min(gap, bestGapCover(programs, levels, po));
  if (covered === gap) return [`The ${gap} missing skills can be taught within the training-hours cap`, `Les ${gap} compétences manquantes peuvent être enseignées dans le plafond d'heures`];
  return [
    `Only ${covered} of the ${gap} missing skills can be taught within the training-hours cap`,
    `Seules ${covered} des ${gap} compétences manquantes peuvent être enseignées dans le plafond d'heures`,
  ];
}

function distanceLabel(pc: PreparedCandidate, po: PreparedOffer): Label {
  if (po.remote) return ['Remote job: distance does not matter', 'Poste à distance : la distance ne compte pas'];
  if (!pc.hasLocation) return ['Location unknown', 'Localisation inconnue'];
  const km = Math.round(pairDistanceKm(pc, po));
  if (pairDistanceKm(pc, po) > pc.radiusKm) return [`${km} km away, beyond the ${pc.radiusKm} km radius`, `À ${km} km, au-delà du rayon de ${pc.radiusKm} km`];
  return [`${km} km away, within the ${pc.radiusKm} km radius`, `À ${km} km, dans le rayon de ${pc.radiusKm} km`];
}

function startLabel(pc: PreparedCandidate, po: PreparedOffer, today: Day): Label {
  const wait = waitDays(pc, po, today);
  if (wait === null) return ['The start window is missed', 'La période de démarrage est dépassée'];
  if (wait === 0) return ['Free within the start window: no wait', 'Disponible pendant la période de démarrage : aucune attente'];
  return [`Would wait ${wait} days for the start (${po.earliest?.iso})`, `Attendrait ${wait} jours avant le démarrage (${po.earliest?.iso})`];
}
