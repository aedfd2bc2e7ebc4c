import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, PrimaryKey, Property, Ref, Unique } from '@mikro-orm/core';
import { OfferEntity } from '@alternance/offers/data-access';
import { ExpiryStage } from '@alternance/notifications/domain';

/** Which expiry notices an offer's employers have had: each stage once. */
@Entity({ tableName: 'offer_expiry_notices' })
@Unique({ properties: ['offer', 'stage'] })
export class OfferExpiryNoticeEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => OfferEntity, { ref: true, deleteRule: 'cascade' })
  offer!: Ref<OfferEntity>;

  @Enum({ items: () => ExpiryStage, type: 'string' })
  stage!: ExpiryStage;

  @Property({ type: 'Date' })
  sentAt: Date = new Date();
}
