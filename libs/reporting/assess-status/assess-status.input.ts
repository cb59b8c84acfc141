import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { ASSESSED_STATUSES, type ActualStatus } from '../domain/reporting.events.js';
import { ActualStatusEnum } from '../graphql/reporting.types.js';
import { IdempotencyKeyField } from '@cf/ledger';

@InputType({ description: 'The real state of a request, requirement or commitment, for internal eyes only' })
export class AssessStatusInput {
  @Field(() => ID) @IsUUID() projectId: string;
  @Field(() => ID, { description: 'A request, requirement or commitment of the project' }) @IsUUID() subjectId: string;
  @Field(() => ActualStatusEnum, { description: 'Any but DROPPED, which only the end of the subject records' })
  @IsIn(ASSESSED_STATUSES)
  actualStatus: ActualStatus;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(100) actualPercentComplete?: number | null;
  @Field({ description: 'Why the subject stands so: not blank' }) @IsString() @Length(1, 20_000) note: string;
  @IdempotencyKeyField() idempotencyKey?: string;
}
