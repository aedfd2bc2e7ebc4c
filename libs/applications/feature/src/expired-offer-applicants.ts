import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/core';
import { ApplicationEntity } from '@alternance/applications/data-access';
import { OPEN_STATUSES, offerExpiredNotices } from '@alternance/applications/domain';
import { ApplicationNotices } from './application-notices';

/**
 * Tells candidates whose application is still open that the offer expired. The job that
 * closes offers lives in another context; the app registers this as its hook, so the notices
 * commit in the transaction that closes the offers.
 */
@Injectable()
export class ExpiredOfferApplicants {
  constructor(private readonly notices: ApplicationNotices) {}

  async tell(em: EntityManager, offers: readonly { offerId: string; title: string }[]): Promise<void> {
    if (!offers.length) return;
    const open = await em.find(
      ApplicationEntity,
      { offer: { $in: offers.map((o) => o.offerId) }, status: { $in: [...OPEN_STATUSES] }, candidate: { $ne: null } },
      { populate: ['candidate'], orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    for (const offer of offers) {
      const recipients = open
        .filter((a) => a.offer.id === offer.offerId)
        .map((a) => ({ userId: a.candidate!.getEntity().user.id, applicationId: a.id }));
      this.notices.post(em, offerExpiredNotices(recipients, { offerTitle: offer.title }));
    }
  }
}
