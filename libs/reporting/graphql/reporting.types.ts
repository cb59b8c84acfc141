import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@cf/ledger';
import {
  ACTUAL_STATUSES, STATUS_SUBJECT_TYPES, TOLD_STATUSES, type ActualStatus, type StatusSubjectType, type ToldStatus,
} from '../domain/reporting.events.js';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const ToldStatusEnum = enumOf(TOLD_STATUSES);
registerEnumType(ToldStatusEnum, { name: 'ToldStatus', description: 'What the customer was told' });
export const ActualStatusEnum = enumOf(ACTUAL_STATUSES);
registerEnumType(ActualStatusEnum, { name: 'ActualStatus', description: 'The real state, as the team assesses it' });
export const StatusSubjectTypeEnum = enumOf(STATUS_SUBJECT_TYPES);
registerEnumType(StatusSubjectTypeEnum, { name: 'StatusSubjectType' });

@ObjectType({ description: 'A subject whose latest assessment contradicts what the customer was last told' })
export class PerceptionGap {
  @Field(() => ID) subjectId: string;
  @Field(() => StatusSubjectTypeEnum) subjectType: StatusSubjectType;
  @Field() title: string;
  @Field(() => ToldStatusEnum) toldStatus: ToldStatus;
  @Field(() => Int, { nullable: true }) toldPercentComplete?: number | null;
  @Field(() => DateTimeScalar, { nullable: true }) toldAt?: string | null;
  @Field(() => ActualStatusEnum) actualStatus: ActualStatus;
  @Field(() => Int, { nullable: true }) actualPercentComplete?: number | null;
  @Field(() => DateTimeScalar, { nullable: true }) assessedAt?: string | null;
}

@ObjectType({ description: 'What a status mutation answers: where its event landed' })
export class StatusPayload {
  @Field({ description: 'Global position of the last event written (decimal string)' }) position: string;
}
