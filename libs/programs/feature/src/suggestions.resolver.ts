import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public } from '@alternance/platform/nest';
import { CatalogueSuggestions } from '@alternance/programs/data-access';
import { SUGGEST_DEFAULT_FIRST, SuggestArgs, Suggestion } from '@alternance/programs/graphql';

/** Autocomplete over the catalogue, for the comboboxes of the web app: public, read-only, from memory. */
@Resolver(() => Suggestion)
export class SuggestionsResolver {
  constructor(private readonly suggestions: CatalogueSuggestions) {}

  @Public()
  @Query(() => [Suggestion], {
    description:
      'Autocomplete over the catalogue: job titles, occupations, communes, training paths and skills whose words match what was typed, best first (exact words, then starts of words, then typos; labels starting with the text, then shorter ones). With several kinds, none takes more than half the list while another has suggestions left.',
  })
  suggest(@Args() args: SuggestArgs): Promise<Suggestion[]> {
    return this.suggestions.suggest(args.prefix, { kinds: args.kinds, first: args.first ?? SUGGEST_DEFAULT_FIRST });
  }
}
