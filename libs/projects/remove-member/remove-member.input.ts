import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { DateScalar, IdempotencyKeyField } from '@cf/ledger';

@InputType({ description: 'A member leaves the project, with a reason' })
export class RemoveMemberInput {
  @Field(() => ID) @IsUUID() projectId: string;
  @Field() @IsString() @Length(1, 200) userId: string;
  @Field() @IsString() @Length(1, 20_000) reason: string;
  @Field(() => DateScalar, { nullable: true, description: 'Their last day as a member; today when not given' })
  @IsOptional()
  @IsString()
  until?: string | null;
  @IdempotencyKeyField() idempotencyKey?: string;
}
