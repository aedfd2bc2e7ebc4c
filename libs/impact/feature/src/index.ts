export * from './impact.module';
export { ImpactReportService } from './impact-report.service';
