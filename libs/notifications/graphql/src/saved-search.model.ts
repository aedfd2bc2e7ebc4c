import { Field, GraphQLISODateTime, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsString, MaxLength, ValidateNested } from 'class-validator';
import { OfferSearchInput } from '@alternance/search/graphql';
import { StoredOfferSearch } from '@alternance/notifications/data-access';
import { JSONScalar } from './json.scalar';

/** A candidate keeps at most this many saved searches. */
export const MAX_SAVED_SEARCHES = 20;

@InputType({ description: 'A job board search to keep, with or without a daily alert.' })
export class SaveSearchInput {
  @Field({ description: 'Your name for it (1 to 100 characters).' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @Field(() => OfferSearchInput, { description: 'The search, as for `searchOffers` (paging and facets are not kept).' })
  @ValidateNested()
  @Type(() => OfferSearchInput)
  search!: OfferSearchInput;

  @Field({ description: 'Send new matching offers in a daily digest (inbox and mail).' })
  @IsBoolean()
  alert!: boolean;
}

@ObjectType({ description: 'A job board search you saved.' })
export class SavedSearch {
  @Field(() => ID, { description: 'Saved search id.' })
  id!: string;

  @Field({ description: 'Your name for it.' })
  name!: string;

  @Field(() => JSONScalar, { description: 'The search (query, filters, sort): pass it as the `input` of `searchOffers` to run it.' })
  search!: StoredOfferSearch;

  @Field({ description: 'Whether new matches come in the daily digest.' })
  alert!: boolean;

  @Field(() => GraphQLISODateTime, { description: 'When it was saved.' })
  createdAt!: Date;
}
