import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/core';
import { CLOCK, Clock } from '@alternance/platform/domain';
import { AggregateType, OutboxEventEntity, recordChange } from '@alternance/platform/data-access';
import { DataSubject, PersonalDataHolder, PersonalDataRegistry } from '@alternance/platform/nest';
import { candidateDocument, isIndexableCandidate } from '@alternance/search/domain';
import { OutboxRelay, loadIndexableCandidates } from '@alternance/search/data-access';
import { SEARCH_INDEXES, SearchIndexes } from './search.service';

/**
 * The talent marketplace index holds a copy of a candidate's public profile. Erasure goes
 * through the outbox like any change (so a crash before the index is updated is repaired by
 * the relay), then the outbox rows naming the candidate are removed once both indexes have
 * applied them.
 */
@Injectable()
export class SearchPersonalData implements PersonalDataHolder, OnModuleInit {
  readonly section = 'searchIndex';

  constructor(
    private readonly registry: PersonalDataRegistry,
    @Inject(SEARCH_INDEXES) private readonly indexes: SearchIndexes,
    private readonly relay: OutboxRelay,
    private readonly orm: MikroORM,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async export(subject: DataSubject, em: EntityManager): Promise<unknown> {
    if (!subject.candidateId) return { candidateDocument: null };
    const candidate = (await loadIndexableCandidates(em, [subject.candidateId])).get(subject.candidateId);
    return { candidateDocument: candidate && isIndexableCandidate(candidate) ? candidateDocument(candidate) : null };
  }

  async erase(subject: DataSubject, em: EntityManager): Promise<void> {
    if (subject.candidateId) recordChange(em, AggregateType.CANDIDATE, subject.candidateId, this.clock.now());
  }

  async afterErase(subject: DataSubject): Promise<void> {
    const id = subject.candidateId;
    if (!id) return;
    await this.relay.drain();
    // The relay has removed the document; deleting it again is harmless and covers a relay
    // that is backing off after an index failure.
    await this.indexes.candidates.delete([id]);
    const applied = Math.min(await this.indexes.offers.appliedUpTo(), await this.indexes.candidates.appliedUpTo());
    await this.orm.em.fork().nativeDelete(OutboxEventEntity, { aggregateType: AggregateType.CANDIDATE, aggregateId: id, id: { $lte: String(applied) } });
  }
}
