import { Args, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@alternance/platform/domain';
import { Roles } from '@alternance/platform/nest';
import { ImpactReport } from '@alternance/impact/graphql';
import { ImpactReportService } from './impact-report.service';

/** The impact report, for staff. */
@Resolver()
export class ImpactResolver {
  constructor(private readonly reports: ImpactReportService) {}

  @Roles(Role.RECRUITER, Role.ADMIN)
  @Query(() => ImpactReport, {
    description:
      'The impact report for a period (staff): candidates, applicants, hires and outcomes; priority categories; women in tech occupations; apprentices with a disability and their trained mentor and referent; time to first application and to hire; hires by contract kind; employment six months on; situation before and after; fair exposure. Built from consented declarations only, with small counts suppressed.',
  })
  async impactReport(
    @Args('from', { description: 'Start of the period (included).' }) from: Date,
    @Args('to', { description: 'End of the period (excluded), at most ten years after from.' }) to: Date,
  ): Promise<ImpactReport> {
    return this.reports.report(from, to);
  }
}
