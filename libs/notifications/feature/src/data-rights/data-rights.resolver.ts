import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Viewer } from '@alternance/platform/domain';
import { Authenticated, CurrentViewer } from '@alternance/platform/nest';
import { DeleteMyAccountArgs, JSONScalar } from '@alternance/notifications/graphql';
import { DataRightsService } from './data-rights.service';

@Resolver()
export class DataRightsResolver {
  constructor(private readonly dataRights: DataRightsService) {}

  @Authenticated()
  @Query(() => JSONScalar, {
    description: 'Everything the marketplace holds about you, as JSON: one section per kind of data (account, profile, notifications, saved searches, applications, search index).',
  })
  exportMyData(@CurrentViewer() viewer: Viewer) {
    return this.dataRights.export(viewer);
  }

  @Authenticated()
  @Mutation(() => Boolean, {
    description: 'Delete your account and everything about you, for good (your password confirms it). Your access token stops working.',
  })
  async deleteMyAccount(@CurrentViewer() viewer: Viewer, @Args() args: DeleteMyAccountArgs) {
    await this.dataRights.deleteAccount(viewer, args.password);
    return true;
  }
}
