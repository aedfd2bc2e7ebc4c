import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';

/** The person whose data is exported or erased. */
export interface DataSubject {
  userId: string;
  email: string;
  /** Their candidate profile, if they have one. */
  candidateId: string | null;
  /** The name they go by, for redacting it where others' records quote it. */
  displayName?: string;
}

/**
 * A context that holds personal data registers one holder (in its module's `onModuleInit`), so
 * that `exportMyData`, `deleteMyAccount` and retention reach every table without a central
 * list that forgets the next one.
 */
export interface PersonalDataHolder {
  /** The section's name in the export, e.g. `applications`. */
  readonly section: string;
  /** Everything this context holds about the subject, as plain JSON. */
  export(subject: DataSubject, em: EntityManager): Promise<unknown>;
  /**
   * Erases (or, where another party keeps a legitimate copy, anonymises) everything about the
   * subject, inside the caller's transaction: persist or delete through `em`, do not flush.
   */
  erase(subject: DataSubject, em: EntityManager): Promise<void>;
  /** Optional clean-up outside the database once the erasure committed (e.g. a search index). */
  afterErase?(subject: DataSubject): Promise<void>;
}

@Injectable()
export class PersonalDataRegistry {
  private readonly registered: PersonalDataHolder[] = [];

  register(holder: PersonalDataHolder): void {
    if (this.registered.some((h) => h.section === holder.section)) {
      throw new Error(`A personal data holder named "${holder.section}" is already registered.`);
    }
    this.registered.push(holder);
  }

  holders(): readonly PersonalDataHolder[] {
    return this.registered;
  }
}
