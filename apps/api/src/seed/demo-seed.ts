import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { EntityManager } from '@mikro-orm/core';
import { Country, Role } from '@alternance/platform/domain';
import { AppConfig } from '@alternance/platform/nest';
import { AggregateType, recordChange } from '@alternance/platform/data-access';
import { CandidateEntity } from '@alternance/candidates/data-access';
import { UserEntity, hashPassword } from '@alternance/identity/data-access';
import { OfferEntity } from '@alternance/offers/data-access';
import { defaultExpiry } from '@alternance/offers/domain';
import { OrganizationEntity } from '@alternance/organizations/data-access';
import { ProgramEntity } from '@alternance/programs/data-access';
import { buildRomeMatcher } from '@alternance/programs/domain';
import { CommuneEntity, JobTitleEntity, OccupationEntity, OccupationSkillEntity, SkillEntity } from '@alternance/taxonomy/data-access';
import { SkillKind } from '@alternance/taxonomy/domain';
import { DEMO_POSTCODES, DemoCatalogue, DemoPlace, generateDemoSet } from './demo-data';

export const DEMO_PASSWORD = 'demo-password-2026';
export const DEMO_DOMAIN = 'demo.alternance.test';

export interface DemoLogin {
  role: Role;
  email: string;
  note: string;
}

/** The reference data demo (and benchmark) sets are generated from; null until the catalogue is loaded. */
export async function loadDemoCatalogue(em: EntityManager, catalogueDir: string): Promise<DemoCatalogue | null> {
  const corpus = path.join(catalogueDir, 'offers/keywords-cache.jsonl.gz');
  if (!existsSync(corpus) || !(await em.count(OccupationEntity))) return null;
  const offerKeywords = gunzipSync(readFileSync(corpus))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { k: string[] }).k);

  const [occupations, titles, links, skills, programs] = await Promise.all([
    // Ordered reads: the same catalogue and seed must give the same demo set.
    em.find(OccupationEntity, {}, { orderBy: { code: 'asc' } }),
    em.find(JobTitleEntity, {}, { orderBy: { code: 'asc' } }),
    em.find(OccupationSkillEntity, {}, { orderBy: { romeCode: 'asc', skillCode: 'asc' } }),
    em.find(SkillEntity, { kind: { $ne: SkillKind.KNOWLEDGE } }),
    em.find(ProgramEntity, {}, { fields: ['id', 'romeCodes'], orderBy: { code: 'asc' } }),
  ]);
  const romeMatcher = buildRomeMatcher([
    ...occupations.map((o) => ({ romeCode: o.code, label: o.label })),
    ...titles.map((t) => ({ romeCode: t.romeCode, label: t.label })),
  ]);
  const skillByCode = new Map(skills.map((s) => [s.code, s]));
  const skillsByRome = new Map<string, { code: string; label: string; core: boolean }[]>();
  for (const link of links) {
    const skill = skillByCode.get(link.skillCode);
    if (!skill || skill.kind !== SkillKind.KNOW_HOW) continue;
    const list = skillsByRome.get(link.romeCode) ?? [];
    list.push({ code: skill.code, label: skill.label, core: link.core });
    skillsByRome.set(link.romeCode, list);
  }
  const programsByRome = new Map<string, string[]>();
  for (const p of programs) for (const code of p.romeCodes) programsByRome.set(code, [...(programsByRome.get(code) ?? []), p.id]);

  const places: DemoPlace[] = [];
  for (const [postcode, weight] of DEMO_POSTCODES) {
    const commune = await em.findOne(CommuneEntity, { postcode, lat: { $ne: null } }, { orderBy: { id: 'asc' } });
    if (commune?.lat != null && commune.lng != null) {
      places.push({ city: commune.name, postcode, inseeCode: commune.inseeCode, lat: commune.lat, lng: commune.lng, weight });
    }
  }
  return { offerKeywords, romeMatcher, skillsByRome, programsByRome, places };
}

/**
 * A realistic demo marketplace for the embedded mode, created once: staff, employers with
 * offers built from real offer keywords, and candidates. Returns the logins to print.
 */
export async function seedDemo(em: EntityManager, config: Pick<AppConfig, 'catalogueDir'>, log: (msg: string) => void, now = new Date()): Promise<DemoLogin[] | null> {
  if (await em.count(UserEntity, { email: `recruiter@${DEMO_DOMAIN}` })) return null;
  const catalogue = await loadDemoCatalogue(em, config.catalogueDir);
  if (!catalogue) {
    log('demo data skipped: the catalogue (ROME and offer corpus) is not loaded');
    return null;
  }
  const started = Date.now();
  const demo = generateDemoSet(catalogue, now);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const user = (email: string, role: Role, displayName: string, organization: OrganizationEntity | null = null) =>
    Object.assign(new UserEntity(), { email, role, displayName, passwordHash, organization, createdAt: now });

  await em.transactional(async (tx) => {
    tx.persist(user(`recruiter@${DEMO_DOMAIN}`, Role.RECRUITER, 'Rania Recruiter'));
    tx.persist(user(`admin@${DEMO_DOMAIN}`, Role.ADMIN, 'Alex Admin'));
    const orgs = new Map<string, OrganizationEntity>();
    demo.organizations.forEach((o, i) => {
      const org = Object.assign(new OrganizationEntity(), {
        name: o.name,
        siret: o.siret,
        country: Country.FR,
        sector: o.sector,
        size: o.size,
        disabilityReferent: o.disabilityReferent,
        accommodations: o.accommodations,
        createdAt: now,
        updatedAt: now,
      });
      orgs.set(o.key, org);
      tx.persist(org);
      tx.persist(user(`employer${i + 1}@${DEMO_DOMAIN}`, Role.EMPLOYER, `Responsable RH ${o.name}`, org));
    });
    for (const o of demo.offers) {
      const offer = Object.assign(new OfferEntity(), {
          organization: orgs.get(o.organizationKey),
          title: o.title,
          description: o.description,
          contractType: o.contractType,
          hireContractType: o.hireContract?.type ?? null,
          hireContractDurationMonths: o.hireContract?.durationMonths ?? null,
          romeCode: o.romeCode,
          skills: o.skills,
          programIds: o.programIds,
          city: o.place.city,
          postcode: o.place.postcode,
          inseeCode: o.place.inseeCode,
          country: Country.FR,
          lat: o.place.lat,
          lng: o.place.lng,
          remotePolicy: o.remotePolicy,
          startEarliest: o.startEarliest,
          startLatest: o.startLatest,
          positions: o.positions,
          salaryMin: o.salary?.min ?? null,
          salaryMax: o.salary?.max ?? null,
          salaryCurrency: o.salary ? 'EUR' : null,
          salaryPeriod: o.salary ? 'MONTH' : null,
          status: o.status,
          publishedAt: o.publishedAt,
          expiresAt: o.publishedAt ? defaultExpiry(o.publishedAt) : null,
          createdAt: o.publishedAt ?? now,
          updatedAt: now,
        });
      tx.persist(offer);
      recordChange(tx, AggregateType.OFFER, offer.id, now);
    }
    demo.candidates.forEach((c, i) => {
      const account = user(`candidate${i + 1}@${DEMO_DOMAIN}`, Role.CANDIDATE, c.displayName);
      tx.persist(account);
      const candidate = Object.assign(new CandidateEntity(), {
          user: account,
          headline: c.headline,
          skills: c.skills,
          desiredRomeCodes: [c.romeCode],
          programIds: c.programIds,
          city: c.place.city,
          postcode: c.place.postcode,
          inseeCode: c.place.inseeCode,
          country: Country.FR,
          lat: c.place.lat,
          lng: c.place.lng,
          mobilityRadiusKm: c.mobilityRadiusKm,
          remotePreference: c.remotePreference,
          availableFrom: c.availableFrom,
          educationLevel: c.educationLevel,
          visibility: c.visibility,
          birthDate: c.birthDate,
          jobSeeker: c.jobSeeker,
          sensitiveDataConsent: c.sensitiveDataConsent,
          disabilityRecognised: c.disabilityRecognised,
          gender: c.gender,
          createdAt: now,
          updatedAt: now,
        });
      tx.persist(candidate);
      recordChange(tx, AggregateType.CANDIDATE, candidate.id, now);
    });
  });
  log(
    `demo data created in ${Date.now() - started} ms: ${demo.organizations.length} organizations, ${demo.offers.length} offers, ${demo.candidates.length} candidates`,
  );
  const logins: DemoLogin[] = [
    { role: Role.RECRUITER, email: `recruiter@${DEMO_DOMAIN}`, note: 'marketplace staff' },
    { role: Role.ADMIN, email: `admin@${DEMO_DOMAIN}`, note: 'administrator' },
    { role: Role.EMPLOYER, email: `employer1@${DEMO_DOMAIN}`, note: `${demo.organizations[0].name} (employer1 … employer${demo.organizations.length})` },
    { role: Role.CANDIDATE, email: `candidate1@${DEMO_DOMAIN}`, note: `${demo.candidates[0].displayName} (candidate1 … candidate${demo.candidates.length})` },
  ];
  log(`demo logins (password for all: ${DEMO_PASSWORD}):\n${logins.map((l) => `  ${l.role.padEnd(9)} ${l.email.padEnd(36)} ${l.note}`).join('\n')}`);
  return logins;
}
