import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { DataSubject, PersonalDataHolder, PersonalDataRegistry } from '@alternance/platform/nest';
import { NotificationEntity, SavedSearchEntity } from '@alternance/notifications/data-access';

const REDACTED = '[deleted account]';
/** Shorter names would match ordinary words in other people's notices. */
const MIN_NAME_TO_REDACT = 4;

function redact(text: string, terms: string[]): string {
  return terms.reduce((out, term) => out.split(term).join(REDACTED), text);
}

/**
 * The person's inbox, and their name in other people's notices: a notice about them (an
 * application, say) keeps its kind and date for the recipient but loses what identified them.
 */
@Injectable()
export class NotificationsPersonalData implements PersonalDataHolder, OnModuleInit {
  readonly section = 'notifications';

  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async export(subject: DataSubject, em: EntityManager): Promise<unknown> {
    const rows = await em.find(NotificationEntity, { recipient: subject.userId }, { orderBy: { createdAt: 'desc', id: 'desc' } });
    return rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      subjectType: n.subjectType,
      subjectId: n.subjectId,
      createdAt: n.createdAt,
      readAt: n.readAt,
      mailedAt: n.mailedAt,
    }));
  }

  async erase(subject: DataSubject, em: EntityManager): Promise<void> {
    await em.nativeDelete(NotificationEntity, { recipient: subject.userId });
    const terms = [subject.email, ...(subject.displayName && subject.displayName.trim().length >= MIN_NAME_TO_REDACT ? [subject.displayName.trim()] : [])];
    const quoting = await em.find(NotificationEntity, {
      $or: [{ aboutUserId: subject.userId }, ...terms.flatMap((t) => [{ title: { $like: `%${t}%` } }, { body: { $like: `%${t}%` } }])],
    });
    for (const n of quoting) {
      if (n.aboutUserId === subject.userId) {
        n.title = `A notice about a ${REDACTED}`;
        n.body = 'The person this notice was about has deleted their account, so what identified them was removed.';
        n.aboutUserId = null;
      } else {
        n.title = redact(n.title, terms);
        n.body = redact(n.body, terms);
      }
    }
  }
}

/** Saved searches (their words can say a lot) and what their alerts already told. */
@Injectable()
export class SavedSearchesPersonalData implements PersonalDataHolder, OnModuleInit {
  readonly section = 'savedSearches';

  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async export(subject: DataSubject, em: EntityManager): Promise<unknown> {
    const rows = await em.find(SavedSearchEntity, { user: subject.userId }, { orderBy: { createdAt: 'desc', id: 'asc' } });
    return rows.map((s) => ({ id: s.id, name: s.name, search: s.search, alert: s.alert, createdAt: s.createdAt, alertedUpTo: s.alertedUpTo }));
  }

  async erase(subject: DataSubject, em: EntityManager): Promise<void> {
    // The alert matches go with them (foreign key on delete cascade).
    await em.nativeDelete(SavedSearchEntity, { user: subject.userId });
  }
}
