import { Injectable, OnModuleInit } from '@nestjs/common';
import { ExpiredOfferApplicants } from '@alternance/applications/feature';
import { OfferExpiryJob } from '@alternance/notifications/feature';

/**
 * Where one context's event needs another's work and neither may import the other's feature:
 * the app, which sees both, connects them. When offers expire, their open applicants are told
 * in the same transaction.
 */
@Injectable()
export class CrossContextHooks implements OnModuleInit {
  constructor(
    private readonly expiry: OfferExpiryJob,
    private readonly applicants: ExpiredOfferApplicants,
  ) {}

  onModuleInit(): void {
    this.expiry.onExpired((em, expired) => this.applicants.tell(em, expired));
  }
}
