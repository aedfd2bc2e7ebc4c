import { ArgsType, Field } from '@nestjs/graphql';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

@ArgsType()
export class DeleteMyAccountArgs {
  @Field({ description: 'Your current password, to confirm it is you.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password!: string;
}
