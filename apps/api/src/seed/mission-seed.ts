import { EntityManager } from '@mikro-orm/core';
import { Country, Role } from '@alternance/platform/domain';
import { ExposureEntity, ExposureSource } from '@alternance/platform/data-access';
import { OrganizationEntity } from '@alternance/organizations/data-access';
import { UserEntity, hashPassword } from '@alternance/identity/data-access';
import { OfferEntity } from '@alternance/offers/data-access';
import { ContractType, OfferStatus, RemotePolicy } from '@alternance/offers/domain';
import { CandidateEntity } from '@alternance/candidates/data-access';
import { Gender, QualificationLevel, SituationBefore, Visibility } from '@alternance/candidates/domain';
import { ApplicationEntity, ApplicationEventEntity, InvitationEntity, OutcomeEntity } from '@alternance/applications/data-access';
import { ApplicationStatus, InvitationStatus, OutcomeKind } from '@alternance/applications/domain';
import { MentorAssignmentEntity, MentorProfileEntity } from '@alternance/mentoring/data-access';
import { SeededRandom } from './random';

/**
 * The mission population (`npm run seed -- --mission`): a year of the marketplace, generated
 * with a fixed seed, for the impact report. About 1,500 candidates who sign up through 2027
 * (70% declare their situation with consent, with the rates a training programme aimed at
 * priority groups sees: a third with no or a CAP-level qualification, one in five in a QPV,
 * 4% refugees, a third registered job seekers, 6% with a recognised disability), 220 offers of
 * 24 organizations (a third in tech occupations, where women are fewer), applications, hires,
 * invitations, employers' top-20 exposures, mentor assignments and the six-month answers.
 * Small groups are there on purpose (non-binary people, refugees hired in tech), so that the
 * report's suppression has something to protect.
 */

export const MISSION_DOMAIN = 'mission.alternance.test';
/** The year the population lives in: the report of 2027 sees every candidate, application and hire. */
export const MISSION_FROM = new Date('2027-01-01T00:00:00Z');
export const MISSION_TO = new Date('2028-01-01T00:00:00Z');

export interface MissionCandidate {
  id: string;
  userId: string;
  createdAt: Date;
  consent: boolean;
  visibility: Visibility;
  desiredRomeCodes: string[];
  jobSeeker: boolean;
  disabilityRecognised: boolean | null;
  gender: Gender | null;
  highestQualification: QualificationLevel | null;
  livesInQpv: boolean | null;
  internationalProtection: boolean | null;
  situationBefore: SituationBefore | null;
}

export interface MissionOffer {
  id: string;
  organization: number;
  romeCode: string;
  contractType: ContractType;
}

export interface MissionApplication {
  id: string;
  candidate: number;
  offer: number;
  createdAt: Date;
  status: ApplicationStatus;
  hiredAt: Date | null;
}

export interface MissionPopulation {
  organizations: number;
  offers: MissionOffer[];
  candidates: MissionCandidate[];
  applications: MissionApplication[];
  invitations: { candidate: number; offer: number; createdAt: Date }[];
  exposures: { candidate: number; organization: number; shownAt: Date }[];
  /** Answers to the six-month question, by application index. */
  outcomes: { application: number; answeredAt: Date; employed: boolean; kind: OutcomeKind | null }[];
  /** Hires (application index) whose apprentice has a trained mentor and a trained referent; and those with a mentor only. */
  trainedMentoring: number[];
  untrainedMentoring: number[];
}

const TECH = ['M1805', 'M1810', 'M1806', 'M1801', 'E1205'];
const OTHER = ['D1102', 'D1106', 'G1602', 'G1803', 'K2104', 'M1607', 'M1203', 'H2909', 'I1604', 'J1501', 'D1502', 'N1103'];
const DAY = 86_400_000;

function uuid(rng: SeededRandom): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng.next() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(rng.next() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function at(rng: SeededRandom, from: Date, days: number): Date {
  return new Date(from.getTime() + Math.floor(rng.next() * days * DAY));
}

export function generateMission(seed = 17, size = { organizations: 24, offers: 220, candidates: 1500 }): MissionPopulation {
  const rng = new SeededRandom(seed);
  const offers: MissionOffer[] = Array.from({ length: size.offers }, (_, i) => ({
    id: uuid(rng),
    organization: i % size.organizations,
    romeCode: rng.next() < 0.33 ? rng.pick(TECH) : rng.pick(OTHER),
    contractType: rng.weighted([
      [ContractType.APPRENTICESHIP, 70],
      [ContractType.PROFESSIONALISATION, 18],
      [ContractType.POEI, 9],
      [ContractType.POEC, 3],
    ] as const),
  }));
  const candidates: MissionCandidate[] = Array.from({ length: size.candidates }, () => {
    const tech = rng.next() < 0.3;
    const consent = rng.next() < 0.7;
    const gender = tech
      ? rng.weighted([[Gender.FEMALE, 22], [Gender.MALE, 74], [Gender.NON_BINARY, 1], [Gender.UNDISCLOSED, 3]] as const)
      : rng.weighted([[Gender.FEMALE, 48], [Gender.MALE, 47], [Gender.NON_BINARY, 1], [Gender.UNDISCLOSED, 4]] as const);
    const c: MissionCandidate = {
      id: uuid(rng),
      userId: uuid(rng),
      createdAt: at(rng, MISSION_FROM, 300),
      consent,
      visibility: rng.weighted([[Visibility.PUBLIC, 55], [Visibility.ANONYMOUS, 30], [Visibility.HIDDEN, 15]] as const),
      desiredRomeCodes: [tech ? rng.pick(TECH) : rng.pick(OTHER)],
      jobSeeker: rng.next() < 0.35,
      disabilityRecognised: null,
      gender: null,
      highestQualification: null,
      livesInQpv: null,
      internationalProtection: null,
      situationBefore: null,
    };
    if (consent) {
      c.gender = rng.next() < 0.92 ? gender : null;
      c.disabilityRecognised = rng.next() < 0.06;
      c.highestQualification = rng.weighted([
        [QualificationLevel.NONE, 14], [QualificationLevel.LEVEL_3, 19], [QualificationLevel.LEVEL_4, 30], [QualificationLevel.LEVEL_5, 20],
        [QualificationLevel.LEVEL_6, 12], [QualificationLevel.LEVEL_7, 5],
      ] as const);
      c.livesInQpv = rng.next() < 0.2;
      c.internationalProtection = rng.next() < 0.04;
      c.situationBefore = rng.weighted([[SituationBefore.STUDENT, 35], [SituationBefore.JOB_SEEKER, 40], [SituationBefore.EMPLOYED, 18], [SituationBefore.OTHER, 7]] as const);
    }
    return c;
  });
  const applications: MissionApplication[] = [];
  const byCode = new Map<string, number[]>();
  offers.forEach((o, i) => byCode.set(o.romeCode, [...(byCode.get(o.romeCode) ?? []), i]));
  candidates.forEach((c, ci) => {
    const count = rng.weighted([[0, 25], [1, 30], [2, 22], [3, 13], [4, 10]] as const);
    const mine = byCode.get(c.desiredRomeCodes[0]) ?? [];
    const pool = mine.length ? mine : offers.map((_, i) => i);
    const chosen = rng.sample(pool, count);
    let hired = false;
    for (const oi of chosen) {
      const createdAt = new Date(c.createdAt.getTime() + rng.weighted([[1, 30], [10, 30], [45, 25], [120, 15]] as const) * DAY * rng.next());
      if (createdAt.getTime() >= MISSION_TO.getTime()) continue;
      const hire: boolean = !hired && rng.next() < 0.17;
      const hiredAt = hire ? new Date(createdAt.getTime() + (5 + rng.int(0, 80)) * DAY) : null;
      if (hire && hiredAt!.getTime() >= MISSION_TO.getTime()) continue;
      hired ||= hire;
      const status = hire ? ApplicationStatus.HIRED : rng.weighted([[ApplicationStatus.SUBMITTED, 30], [ApplicationStatus.IN_REVIEW, 20], [ApplicationStatus.REJECTED, 40], [ApplicationStatus.WITHDRAWN, 10]] as const);
      applications.push({ id: uuid(rng), candidate: ci, offer: oi, createdAt, status, hiredAt });
    }
  });
  const invitations: MissionPopulation['invitations'] = [];
  const exposures: MissionPopulation['exposures'] = [];
  candidates.forEach((c, ci) => {
    if (c.visibility === Visibility.HIDDEN) return;
    // Employers' top 20: women and people with a disability a little less often, as the report should reveal.
    const penalty = (c.gender === Gender.FEMALE ? 0.8 : 1) * (c.disabilityRecognised ? 0.6 : 1);
    const shown = rng.next() < 0.55 * penalty ? rng.int(1, 6) : 0;
    for (let k = 0; k < shown; k++) exposures.push({ candidate: ci, organization: rng.int(0, size.organizations - 1), shownAt: at(rng, c.createdAt, 60) });
    if (shown && rng.next() < 0.3) {
      const offer = rng.int(0, offers.length - 1);
      const createdAt = at(rng, c.createdAt, 40);
      if (createdAt < MISSION_TO && !invitations.some((i) => i.candidate === ci && i.offer === offer)) invitations.push({ candidate: ci, offer, createdAt });
    }
  });
  const outcomes: MissionPopulation['outcomes'] = [];
  const trainedMentoring: number[] = [];
  const untrainedMentoring: number[] = [];
  applications.forEach((a, ai) => {
    if (!a.hiredAt) return;
    const c = candidates[a.candidate];
    if (c.disabilityRecognised) (rng.next() < 0.6 ? trainedMentoring : untrainedMentoring).push(ai);
    if (rng.next() < 0.72) {
      const employed = rng.next() < 0.78;
      const kind = employed
        ? rng.weighted([[OutcomeKind.CDI, 45], [OutcomeKind.CDD, 30], [OutcomeKind.APPRENTICESHIP, 12], [OutcomeKind.SELF_EMPLOYED, 5], [OutcomeKind.OTHER, 8]] as const)
        : rng.weighted([[OutcomeKind.FURTHER_STUDY, 45], [null, 45], [OutcomeKind.OTHER, 10]] as const);
      // Answers of the apprenticeships that ended: dated in 2027 for the report's year.
      outcomes.push({ application: ai, answeredAt: at(rng, MISSION_FROM, 364), employed, kind });
    }
  });
  return { organizations: size.organizations, offers, candidates, applications, invitations, exposures, outcomes, trainedMentoring, untrainedMentoring };
}

/** Writes the population (once: nothing when its organizations exist). Returns false when it was there already. */
export async function seedMission(em: EntityManager, log: (msg: string) => void = () => undefined, population = generateMission()): Promise<boolean> {
  if (await em.count(UserEntity, { email: `referent@${MISSION_DOMAIN}` })) return false;
  const started = Date.now();
  const passwordHash = await hashPassword('mission-password-2026');
  const created = new Date('2026-12-01T00:00:00Z');
  const organizations = Array.from({ length: population.organizations }, (_, i) => em.create(OrganizationEntity, { name: `Mission Employer ${i + 1}`, country: Country.FR, createdAt: created, updatedAt: created } as never) as OrganizationEntity);
  const employers = organizations.map((o, i) =>
    em.create(UserEntity, { email: `employer${i + 1}@${MISSION_DOMAIN}`, passwordHash, role: Role.EMPLOYER, displayName: `Employer ${i + 1}`, organization: o, createdAt: created } as never) as UserEntity,
  );
  const referent = em.create(UserEntity, { email: `referent@${MISSION_DOMAIN}`, passwordHash, role: Role.RECRUITER, displayName: 'Disability referent', disabilityReferentTrainedAt: '2026-10-01', createdAt: created } as never) as UserEntity;
  const mentors = [true, false].map((trained, i) => {
    const user = em.create(UserEntity, { email: `mentor${i + 1}@${MISSION_DOMAIN}`, passwordHash, role: Role.MENTOR, displayName: `Mentor ${i + 1}`, createdAt: created } as never) as UserEntity;
    em.create(MentorProfileEntity, { user, occupations: [], skills: [], languages: ['fr'], weeklyCapacity: 50, disabilityTrainedAt: trained ? '2026-09-15' : null, createdAt: created, updatedAt: created } as never);
    return user;
  });
  const offers = population.offers.map((o, i) =>
    em.create(OfferEntity, {
      id: o.id,
      organization: organizations[o.organization],
      title: `Offre ${i + 1} (${o.romeCode})`,
      description: 'Offre de la population de mission.',
      contractType: o.contractType,
      romeCode: o.romeCode,
      country: Country.FR,
      lat: 45.76,
      lng: 4.84,
      remotePolicy: RemotePolicy.ONSITE,
      startEarliest: '2027-01-04',
      startLatest: '2027-12-31',
      status: OfferStatus.CLOSED,
      createdAt: created,
      updatedAt: created,
    } as never) as OfferEntity,
  );
  const candidates = population.candidates.map((c, i) => {
    const user = em.create(UserEntity, { id: c.userId, email: `candidate${i + 1}@${MISSION_DOMAIN}`, passwordHash, role: Role.CANDIDATE, displayName: `Candidate ${i + 1}`, createdAt: c.createdAt } as never) as UserEntity;
    return em.create(CandidateEntity, {
      id: c.id,
      user,
      desiredRomeCodes: c.desiredRomeCodes,
      visibility: c.visibility,
      jobSeeker: c.jobSeeker,
      sensitiveDataConsent: c.consent,
      disabilityRecognised: c.disabilityRecognised,
      gender: c.gender,
      highestQualification: c.highestQualification,
      livesInQpv: c.livesInQpv,
      internationalProtection: c.internationalProtection,
      situationBefore: c.situationBefore,
      createdAt: c.createdAt,
      updatedAt: c.createdAt,
    } as never) as CandidateEntity;
  });
  const applications = population.applications.map((a) => {
    const application = em.create(ApplicationEntity, { id: a.id, offer: offers[a.offer], candidate: candidates[a.candidate], status: a.status, createdAt: a.createdAt, updatedAt: a.hiredAt ?? a.createdAt } as never) as ApplicationEntity;
    em.create(ApplicationEventEntity, { application, status: ApplicationStatus.SUBMITTED, actorRole: Role.CANDIDATE, at: a.createdAt } as never);
    if (a.status !== ApplicationStatus.SUBMITTED) {
      em.create(ApplicationEventEntity, {
        application,
        status: a.status,
        actorRole: a.status === ApplicationStatus.WITHDRAWN ? Role.CANDIDATE : Role.EMPLOYER,
        at: a.hiredAt ?? new Date(a.createdAt.getTime() + 7 * DAY),
      } as never);
    }
    return application;
  });
  for (const i of population.invitations) {
    const offer = offers[i.offer];
    em.create(InvitationEntity, { offer, organization: offer.organization, candidate: candidates[i.candidate], invitedBy: employers[population.offers[i.offer].organization], status: InvitationStatus.PENDING, createdAt: i.createdAt } as never);
  }
  for (const o of population.outcomes) {
    em.create(OutcomeEntity, { application: applications[o.application], plannedEnd: '2027-06-30', askedAt: new Date(o.answeredAt.getTime() - DAY), answeredAt: o.answeredAt, employed: o.employed, kind: o.kind } as never);
  }
  for (const [list, mentor, referentUser] of [[population.trainedMentoring, mentors[0], referent], [population.untrainedMentoring, mentors[1], null]] as const) {
    for (const ai of list) {
      const a = population.applications[ai];
      em.create(MentorAssignmentEntity, { application: applications[ai], apprentice: candidates[a.candidate].user, mentor, referent: referentUser, fit: 50, reasons: [], pinned: false, createdAt: a.hiredAt!, updatedAt: a.hiredAt! } as never);
    }
  }
  await em.flush();
  await em.insertMany(
    ExposureEntity,
    population.exposures.map((e) => ({ candidateId: population.candidates[e.candidate].id, organizationId: organizations[e.organization].id, source: ExposureSource.SEARCH, shownAt: e.shownAt })),
  );
  log(
    `mission population: ${population.candidates.length} candidates, ${population.offers.length} offers, ${population.applications.length} applications, ` +
      `${population.applications.filter((a) => a.hiredAt).length} hires, ${population.outcomes.length} outcome answers, ${population.exposures.length} exposures in ${Date.now() - started} ms`,
  );
  return true;
}
