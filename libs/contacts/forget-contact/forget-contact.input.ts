import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID, Length } from 'class-validator';

@InputType()
export class ForgetContactInput {
  @Field(() => ID) @IsUUID() contactId: string;
  @Field() @IsString() @Length(1, 20_000) reason: string;
}
