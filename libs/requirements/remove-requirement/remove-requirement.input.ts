import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID, Length } from 'class-validator';

@InputType({ description: 'Remove a requirement for good, with a reason' })
export class RemoveRequirementInput {
  @Field(() => ID) @IsUUID() requirementId: string;
  @Field() @IsString() @Length(1, 20_000) reason: string;
}
