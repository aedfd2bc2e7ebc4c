import { Module } from '@nestjs/common';
import { partnerFeedReaders } from '@alternance/imports/domain';
import { IMPORT_CONFIG, loadImportConfig } from './import-config';
import { OfferImporter } from './offer-importer';
import { ImportsResolver } from './imports.resolver';
import { ImportScheduler } from './import-scheduler';

/** Partner-feed imports, without GraphQL: the importer the CLI and the scheduled job run. */
@Module({
  providers: [{ provide: IMPORT_CONFIG, useFactory: () => loadImportConfig(process.env, Object.keys(partnerFeedReaders)) }, OfferImporter, ImportScheduler],
  exports: [OfferImporter, ImportScheduler, IMPORT_CONFIG],
})
export class ImportsModule {}

/** `importRuns` for staff. */
@Module({ imports: [ImportsModule], providers: [ImportsResolver] })
export class ImportsApiModule {}
