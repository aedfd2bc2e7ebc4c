import { Module } from '@nestjs/common';
import { ImpactReportService } from './impact-report.service';
import { ImpactResolver } from './impact.resolver';

/**
 * The impact report (`impactReport`, staff): aggregate figures over applications, hires,
 * outcomes and exposures, built from consented declarations with small counts suppressed. The
 * only context besides candidates that reads the priority categories, and only to count them.
 */
@Module({ providers: [ImpactReportService, ImpactResolver] })
export class ImpactApiModule {}
