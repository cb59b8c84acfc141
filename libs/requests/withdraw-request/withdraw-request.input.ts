import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID, Length } from 'class-validator';

@InputType()
export class WithdrawRequestInput {
  @Field(() => ID) @IsUUID() requestId: string;
  @Field() @IsString() @Length(1, 20000) reason: string;
}
