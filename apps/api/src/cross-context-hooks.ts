import { Injectable, OnModuleInit } from '@nestjs/common';
import { ExpiredOfferApplicants } from '@alternance/applications/feature';
import { OfferExpiryJob } from '@alternance/notifications/feature';
import { OfferImporter } from '@alternance/imports/feature';

/**
 * Where one context's event needs another's work and neither may import the other's feature:
 * the app, which sees both, connects them. When offers expire, or an import closes offers their
 * partners no longer list, their open applicants are told in the same transaction.
 */
@Injectable()
export class CrossContextHooks implements OnModuleInit {
  constructor(
    private readonly expiry: OfferExpiryJob,
    private readonly applicants: ExpiredOfferApplicants,
    private readonly importer: OfferImporter,
  ) {}

  onModuleInit(): void {
    this.expiry.onExpired((em, expired) => this.applicants.tell(em, expired));
    this.importer.onClosed((em, closed) => this.applicants.tell(em, closed));
  }
}
