import { randomUUID } from 'node:crypto';
import { Entity, Enum, OneToOne, PrimaryKey, Property, Ref } from '@mikro-orm/core';
import { UserEntity } from '@alternance/identity/data-access';
import { Country } from '@alternance/platform/domain';
import { EducationLevel, Gender, QualificationLevel, RemotePreference, SituationBefore, Visibility } from '@alternance/candidates/domain';
import { SkillLevel } from '@alternance/taxonomy/domain';

export interface CandidateSkillData {
  code: string;
  label: string;
  level: SkillLevel;
}

@Entity({ tableName: 'candidates' })
export class CandidateEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @OneToOne(() => UserEntity, { ref: true, owner: true, unique: true, deleteRule: 'cascade' })
  user!: Ref<UserEntity>;

  @Property({ type: 'string', length: 200, nullable: true })
  headline: string | null = null;

  @Property({ type: 'json' })
  skills: CandidateSkillData[] = [];

  @Property({ type: 'json' })
  desiredRomeCodes: string[] = [];

  /** Training paths the candidate follows or targets. */
  @Property({ type: 'json' })
  programIds: string[] = [];

  @Property({ type: 'string', length: 100, nullable: true })
  city: string | null = null;

  @Property({ type: 'string', length: 10, nullable: true })
  postcode: string | null = null;

  @Property({ type: 'string', length: 5, nullable: true })
  inseeCode: string | null = null;

  @Enum({ items: () => Country, type: 'string', length: 2, nullable: true })
  country: Country | null = null;

  @Property({ type: 'double', nullable: true })
  lat: number | null = null;

  @Property({ type: 'double', nullable: true })
  lng: number | null = null;

  @Property({ type: 'integer' })
  mobilityRadiusKm = 30;

  @Enum({ items: () => RemotePreference, type: 'string' })
  remotePreference: RemotePreference = RemotePreference.ANY;

  @Property({ type: 'string', length: 10, nullable: true })
  availableFrom: string | null = null;

  @Enum({ items: () => EducationLevel, type: 'string', nullable: true })
  educationLevel: EducationLevel | null = null;

  @Enum({ items: () => Visibility, type: 'string' })
  visibility: Visibility = Visibility.HIDDEN;

  // Private fields: readable by the candidate and staff only (see candidates/domain).
  @Property({ type: 'string', length: 10, nullable: true })
  birthDate: string | null = null;

  /** Registered with the public employment service (France Travail). */
  @Property({ type: 'boolean' })
  jobSeeker = false;

  /** Recognised disability (RQTH); stored only with sensitiveDataConsent. */
  @Property({ type: 'boolean', nullable: true })
  disabilityRecognised: boolean | null = null;

  @Enum({ items: () => Gender, type: 'string', nullable: true })
  gender: Gender | null = null;

  // Priority categories (see SENSITIVE_FIELD_REASONS): stored only with sensitiveDataConsent.
  @Enum({ items: () => QualificationLevel, type: 'string', nullable: true })
  highestQualification: QualificationLevel | null = null;

  /** Lives in a priority urban area (quartier prioritaire de la politique de la ville). */
  @Property({ type: 'boolean', nullable: true })
  livesInQpv: boolean | null = null;

  /** Refugee or beneficiary of international protection. */
  @Property({ type: 'boolean', nullable: true })
  internationalProtection: boolean | null = null;

  @Enum({ items: () => SituationBefore, type: 'string', nullable: true })
  situationBefore: SituationBefore | null = null;

  @Property({ type: 'boolean' })
  sensitiveDataConsent = false;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  @Property({ type: 'Date' })
  updatedAt: Date = new Date();

  @Property({ type: 'integer', version: true })
  version = 1;
}
