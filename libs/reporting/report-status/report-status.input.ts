import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { TOLD_STATUSES, type ToldStatus } from '../domain/reporting.events.js';
import { ToldStatusEnum } from '../graphql/reporting.types.js';
import { IdempotencyKeyField } from '@cf/ledger';

@InputType({ description: 'What the customer was told about a request, requirement or commitment' })
export class ReportStatusInput {
  @Field(() => ID) @IsUUID() projectId: string;
  @Field(() => ID, { description: 'A request, requirement or commitment of the project' }) @IsUUID() subjectId: string;
  @Field(() => ToldStatusEnum) @IsIn(TOLD_STATUSES) toldStatus: ToldStatus;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(100) toldPercentComplete?: number | null;
  @Field(() => ID, { description: 'The contact who was told' }) @IsUUID() toldToId: string;
  @Field() @IsString() @Length(1, 20_000) message: string;
  @IdempotencyKeyField() idempotencyKey?: string;
}
