import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ISO_DAY, MAX_PAGE_SIZE } from '@alternance/platform/domain';
import { Country, PageInfo } from '@alternance/platform/nest';
import { ContractType, RemotePolicy } from '@alternance/offers/domain';
import { Offer } from '@alternance/offers/graphql';
import { RemotePreference } from '@alternance/candidates/domain';
import { Candidate } from '@alternance/candidates/graphql';

export enum OfferSortOrder {
  RELEVANCE = 'RELEVANCE',
  NEWEST = 'NEWEST',
  DISTANCE = 'DISTANCE',
  START_DATE = 'START_DATE',
}
registerEnumType(OfferSortOrder, {
  name: 'OfferSort',
  description: 'Order of offer results.',
  valuesMap: {
    RELEVANCE: { description: 'Best text match first (exact words before typos, title before description).' },
    NEWEST: { description: 'Most recently published first.' },
    DISTANCE: { description: 'Nearest to `filters.near` first (requires it).' },
    START_DATE: { description: 'Earliest start first.' },
  },
});

export enum OfferFacetField {
  CONTRACT_TYPE = 'contractType',
  REMOTE_POLICY = 'remotePolicy',
  LEVEL = 'levels',
  ROME_DOMAIN = 'romeDomain',
}
registerEnumType(OfferFacetField, { name: 'OfferFacetField', description: 'Fields offer results can be counted by.' });

export enum CandidateSortOrder {
  RELEVANCE = 'RELEVANCE',
  RECENTLY_UPDATED = 'RECENTLY_UPDATED',
  DISTANCE = 'DISTANCE',
  AVAILABILITY = 'AVAILABILITY',
}
registerEnumType(CandidateSortOrder, { name: 'CandidateSort', description: 'Order of candidate results.' });

export enum CandidateFacetField {
  REMOTE_PREFERENCE = 'remotePreference',
  ROME_DOMAIN = 'romeDomains',
  EDUCATION_LEVEL = 'educationLevel',
}
registerEnumType(CandidateFacetField, { name: 'CandidateFacetField', description: 'Fields candidate results can be counted by.' });

@InputType({ description: 'A circle on the map: a point (coordinates or a French postcode) and a radius.' })
export class NearInput {
  @Field(() => Float, { nullable: true, description: 'Latitude of the centre.' })
  @IsOptional()
  @IsLatitude()
  lat?: number;

  @Field(() => Float, { nullable: true, description: 'Longitude of the centre.' })
  @IsOptional()
  @IsLongitude()
  lng?: number;

  @Field(() => String, { nullable: true, description: 'French postcode as the centre, instead of coordinates.' })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'postcode must be 5 digits' })
  postcode?: string;

  @Field(() => Float, { description: 'Radius in km (1 to 1,000).' })
  @Min(1)
  @Max(1000)
  radiusKm!: number;
}

@InputType({ description: 'Conditions on offers; all given ones must hold.' })
export class OfferSearchFilters {
  @Field(() => [ContractType], { nullable: true, description: 'Any of these contracts.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsEnum(ContractType, { each: true })
  contractTypes?: ContractType[];

  @Field(() => [String], { nullable: true, description: 'Any of these ROME occupations.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @Matches(/^[A-N]\d{4}$/, { each: true, message: 'romeCodes must hold ROME codes like M1805' })
  romeCodes?: string[];

  @Field(() => Boolean, { nullable: true, description: 'Also match the neighbouring occupations of `romeCodes`.' })
  @IsOptional()
  @IsBoolean()
  includeNeighbouringOccupations?: boolean;

  @Field(() => [ID], { nullable: true, description: 'Offers accepting any of these training paths.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  programIds?: string[];

  @Field(() => [RemotePolicy], { nullable: true, description: 'Any of these remote policies.' })
  @IsOptional()
  @IsEnum(RemotePolicy, { each: true })
  remotePolicies?: RemotePolicy[];

  @Field(() => NearInput, { nullable: true, description: 'Only offers within this circle.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => NearInput)
  near?: NearInput;

  @Field(() => String, { nullable: true, description: 'Offers that can start on or before this date (YYYY-MM-DD).' })
  @IsOptional()
  @Matches(ISO_DAY, { message: 'startBefore must be a date YYYY-MM-DD' })
  startBefore?: string;

  @Field(() => String, { nullable: true, description: 'Offers that can still start on or after this date (YYYY-MM-DD).' })
  @IsOptional()
  @Matches(ISO_DAY, { message: 'startAfter must be a date YYYY-MM-DD' })
  startAfter?: string;

  @Field(() => Country, { nullable: true, description: 'Country of the job.' })
  @IsOptional()
  @IsEnum(Country)
  country?: Country;

  @Field(() => Boolean, { nullable: true, description: 'Only employers with a disability referent.' })
  @IsOptional()
  @IsBoolean()
  disabilityFriendly?: boolean;
}

/** Paging shared by both searches. */
@InputType({ isAbstract: true })
abstract class SearchPageInput {
  @Field(() => Int, { nullable: true, description: `Page size, 0 to ${MAX_PAGE_SIZE} (default 20).` })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor to continue after.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  after?: string;
}

@InputType({ description: 'A job board search.' })
export class OfferSearchInput extends SearchPageInput {
  @Field(() => String, { nullable: true, description: 'Words to find; typos, missing accents and word beginnings are tolerated.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  query?: string;

  @Field(() => OfferSearchFilters, { nullable: true, description: 'Conditions.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OfferSearchFilters)
  filters?: OfferSearchFilters;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Read a French commune at the end of `query` as a place ("boulanger lyon": offers for "boulanger" within 30 km of Lyon), unless `filters.near` is given (default true). The answer says so in `place`; send false to search the words as typed.',
  })
  @IsOptional()
  @IsBoolean()
  placeFromQuery?: boolean;

  @Field(() => OfferSortOrder, { nullable: true, description: 'Order (default RELEVANCE).' })
  @IsOptional()
  @IsEnum(OfferSortOrder)
  sort?: OfferSortOrder;

  @Field(() => [OfferFacetField], { nullable: true, description: 'Fields to count results by; each count ignores its own filter.' })
  @IsOptional()
  @IsEnum(OfferFacetField, { each: true })
  facets?: OfferFacetField[];
}

@InputType({ description: 'Conditions on candidates; all given ones must hold.' })
export class CandidateSearchFilters {
  @Field(() => [String], { nullable: true, description: 'Candidates having every one of these skills (ROME skill codes).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @Matches(/^\d{1,12}$/, { each: true, message: 'skillCodes must hold ROME skill codes' })
  skillCodes?: string[];

  @Field(() => [String], { nullable: true, description: 'Candidates wanting any of these ROME occupations.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @Matches(/^[A-N]\d{4}$/, { each: true, message: 'romeCodes must hold ROME codes like M1805' })
  romeCodes?: string[];

  @Field(() => [ID], { nullable: true, description: 'Candidates following or targeting any of these paths.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  programIds?: string[];

  @Field(() => String, { nullable: true, description: 'Available on or before this date (YYYY-MM-DD).' })
  @IsOptional()
  @Matches(ISO_DAY, { message: 'availableBy must be a date YYYY-MM-DD' })
  availableBy?: string;

  @Field(() => NearInput, { nullable: true, description: 'Candidates living within this circle.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => NearInput)
  near?: NearInput;

  @Field(() => ID, { nullable: true, description: 'Measure distance from this offer’s location (with `radiusKm`).' })
  @IsOptional()
  @IsUUID()
  nearOfferId?: string;

  @Field(() => Float, { nullable: true, description: 'Radius around `nearOfferId`, in km (1 to 1,000).' })
  @IsOptional()
  @Min(1)
  @Max(1000)
  radiusKm?: number;

  @Field(() => [RemotePreference], { nullable: true, description: 'Candidates accepting any of these (ANY matches all).' })
  @IsOptional()
  @IsEnum(RemotePreference, { each: true })
  remotePreferences?: RemotePreference[];
}

@InputType({ description: 'A talent marketplace search.' })
export class CandidateSearchInput extends SearchPageInput {
  @Field(() => String, { nullable: true, description: 'Words to find in headlines and skills.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  query?: string;

  @Field(() => CandidateSearchFilters, { nullable: true, description: 'Conditions.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CandidateSearchFilters)
  filters?: CandidateSearchFilters;

  @Field(() => CandidateSortOrder, { nullable: true, description: 'Order (default RELEVANCE).' })
  @IsOptional()
  @IsEnum(CandidateSortOrder)
  sort?: CandidateSortOrder;

  @Field(() => [CandidateFacetField], { nullable: true, description: 'Fields to count results by.' })
  @IsOptional()
  @IsEnum(CandidateFacetField, { each: true })
  facets?: CandidateFacetField[];
}

@ObjectType({ description: 'Where a result matched: the field’s text, HTML-escaped, in which only <em>…</em> is markup, around the matched words.' })
@Directive('@shareable')
export class Highlight {
  @Field({ description: 'Field name (title, description, skills, …).' })
  field!: string;

  @Field({
    description:
      'The field’s text HTML-escaped (&, <, >, " and \' as entities), in which the only markup is <em>…</em> around the matched words: safe to insert as HTML as is; remove <em> and unescape to get the plain text.',
  })
  snippet!: string;
}

@ObjectType({ description: 'How many results have one value of a field.' })
@Directive('@shareable')
export class FacetValue {
  @Field({ description: 'The value.' })
  value!: string;

  @Field(() => Int, { description: 'Results with it.' })
  count!: number;
}

@ObjectType({ description: 'Counts of results by the values of one field.' })
@Directive('@shareable')
export class Facet {
  @Field({ description: 'The field.' })
  field!: string;

  @Field(() => [FacetValue], { description: 'Values, most frequent first.' })
  values!: FacetValue[];
}

@ObjectType({ description: 'One offer found.' })
@Directive('@shareable')
export class OfferSearchEdge {
  @Field({ description: 'Position: pass it as `after`.' })
  cursor!: string;

  @Field(() => Offer, { description: 'The offer.' })
  node!: Offer;

  @Field(() => [Highlight], { description: 'Where the words matched: HTML-escaped snippets in which only <em> marks the matches.' })
  highlights!: Highlight[];

  @Field(() => Float, { nullable: true, description: 'Distance in km from the `near` point, when given.' })
  distanceKm!: number | null;
}

@ObjectType({ description: 'A commune read from the end of a search query.' })
@Directive('@shareable')
export class QueryPlace {
  @Field({ description: 'The words taken from the query ("à Lyon").' })
  typed!: string;

  @Field({ description: 'The query searched, without them.' })
  query!: string;

  @Field({ description: 'The commune, as displayed.' })
  city!: string;

  @Field({ description: 'Its postcode (the first one, for a city with several).' })
  postcode!: string;

  @Field(() => Float, { description: 'Latitude of the commune (the centre of the radius).' })
  lat!: number;

  @Field(() => Float, { description: 'Longitude of the commune (the centre of the radius).' })
  lng!: number;

  @Field(() => Int, { description: 'The radius searched around it, in kilometres.' })
  radiusKm!: number;
}

@ObjectType({ description: 'Offers found, with counts.' })
export class OfferSearchResult {
  @Field(() => Int, { description: 'How many offers match in all.' })
  totalCount!: number;

  @Field(() => [OfferSearchEdge], { description: 'This page.' })
  edges!: OfferSearchEdge[];

  @Field(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo!: PageInfo;

  @Field(() => [Facet], { description: 'Counts asked for with `facets`.' })
  facets!: Facet[];

  @Field(() => QueryPlace, { nullable: true, description: 'The commune read from the end of `query` and searched around (null when none was): show it ("near Lyon") with a way to undo it (`placeFromQuery: false`).' })
  place?: QueryPlace | null;
}

@ObjectType({ description: 'One candidate found.' })
@Directive('@shareable')
export class CandidateSearchEdge {
  @Field({ description: 'Position: pass it as `after`.' })
  cursor!: string;

  @Field(() => Candidate, { description: 'The candidate (without name or contact when ANONYMOUS).' })
  node!: Candidate;

  @Field(() => [Highlight], { description: 'Where the words matched: HTML-escaped snippets in which only <em> marks the matches.' })
  highlights!: Highlight[];

  @Field(() => Float, { nullable: true, description: 'Distance in km from the search point, when given.' })
  distanceKm!: number | null;
}

@ObjectType({ description: 'Candidates found, with counts.' })
export class CandidateSearchResult {
  @Field(() => Int, { description: 'How many candidates match in all.' })
  totalCount!: number;

  @Field(() => [CandidateSearchEdge], { description: 'This page.' })
  edges!: CandidateSearchEdge[];

  @Field(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo!: PageInfo;

  @Field(() => [Facet], { description: 'Counts asked for with `facets`.' })
  facets!: Facet[];
}
