import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID, Length } from 'class-validator';
import { IdempotencyKeyField } from '@cf/ledger';

@InputType({ description: 'Freeze the live requirements at their current revisions as a named baseline' })
export class ApproveBaselineInput {
  @Field(() => ID) @IsUUID() projectId: string;
  @Field() @IsString() @Length(1, 200) name: string;
  @Field(() => ID, { description: 'The contact who countersigns; must be able to approve scope' }) @IsUUID() countersignedById: string;
  @IdempotencyKeyField() idempotencyKey?: string;
}
