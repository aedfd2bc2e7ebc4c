import { Directive, Field, Float, InputType, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsLatitude, IsLongitude, IsOptional, IsString, Length, Matches } from 'class-validator';
import { Country } from '@alternance/platform/nest';

@ObjectType({ description: 'A place, with coordinates for distance search.' })
@Directive('@shareable')
export class Location {
  @Field(() => String, { nullable: true, description: 'City or commune name.' })
  city!: string | null;

  @Field(() => String, { nullable: true, description: 'Postcode.' })
  postcode!: string | null;

  @Field(() => String, { nullable: true, description: 'INSEE commune code (France).' })
  inseeCode!: string | null;

  @Field(() => Country, { description: 'Country.' })
  country!: Country;

  @Field(() => Float, { description: 'Latitude (WGS84).' })
  lat!: number;

  @Field(() => Float, { description: 'Longitude (WGS84).' })
  lng!: number;
}

@InputType({
  description:
    'A place. In France give a postcode or an INSEE code and the coordinates are looked up; elsewhere give lat and lng.',
})
export class LocationInput {
  @Field(() => Country, { description: 'Country.' })
  @IsEnum(Country)
  country!: Country;

  @Field(() => String, { nullable: true, description: 'French postcode, 5 digits.' })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'postcode must be 5 digits' })
  postcode?: string;

  @Field(() => String, { nullable: true, description: 'INSEE commune code, 5 characters (2A/2B for Corsica).' })
  @IsOptional()
  @Matches(/^(\d{5}|2[AB]\d{3})$/, { message: 'inseeCode must be an INSEE commune code' })
  inseeCode?: string;

  @Field(() => String, { nullable: true, description: 'City name: picks the commune when a postcode covers several.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  city?: string;

  @Field(() => Float, { nullable: true, description: 'Latitude, -90 to 90.' })
  @IsOptional()
  @IsLatitude()
  lat?: number;

  @Field(() => Float, { nullable: true, description: 'Longitude, -180 to 180.' })
  @IsOptional()
  @IsLongitude()
  lng?: number;

}
