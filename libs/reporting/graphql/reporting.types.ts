import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Contact } from '@cf/contacts';
import { DateTimeScalar } from '@cf/ledger';
import {
  ACTUAL_STATUSES,
  STATUS_SUBJECT_TYPES,
  TOLD_STATUSES,
  type ActualStatus,
  type StatusSubjectType,
  type ToldStatus,
} from '../domain/reporting.events.js';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const ToldStatusEnum = enumOf(TOLD_STATUSES);
registerEnumType(ToldStatusEnum, { name: 'ToldStatus', description: 'What the customer was told' });
export const ActualStatusEnum = enumOf(ACTUAL_STATUSES);
registerEnumType(ActualStatusEnum, { name: 'ActualStatus', description: 'The real state, as the team assesses it' });
export const StatusSubjectTypeEnum = enumOf(STATUS_SUBJECT_TYPES);
registerEnumType(StatusSubjectTypeEnum, { name: 'StatusSubjectType' });

@ObjectType({ description: 'What the contact told said about a report' })
export class StatusAcknowledgement {
  @Field() agrees: boolean;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => DateTimeScalar) at: string;
}

/** toldTo comes from a field resolver; toldToId is for it. */
@ObjectType({ description: "A contact's latest report on a subject that the latest assessment contradicts, or that the contact disputed" })
export class PerceptionGap {
  @Field(() => ID) subjectId: string;
  @Field(() => StatusSubjectTypeEnum) subjectType: StatusSubjectType;
  @Field() title: string;
  @Field(() => ToldStatusEnum) toldStatus: ToldStatus;
  @Field(() => Int, { nullable: true }) toldPercentComplete?: number | null;
  @Field(() => DateTimeScalar, { nullable: true }) toldAt?: string | null;
  @Field(() => ActualStatusEnum, { nullable: true, description: 'null while not assessed (a disputed report)' })
  actualStatus: ActualStatus | null;
  @Field(() => Int, { nullable: true }) actualPercentComplete?: number | null;
  @Field(() => DateTimeScalar, { nullable: true }) assessedAt?: string | null;
  @Field({ description: 'The contact told disputed the report' }) disputed: boolean;
  @Field(() => StatusAcknowledgement, {
    nullable: true,
    description: 'What the contact told said about the report (null before they answer): a dispute gives its reason here',
  })
  acknowledgement: StatusAcknowledgement | null;
  @Field(() => Contact, { description: 'The contact who was told' }) toldTo?: Contact;
  toldToId: string;
}

/** toldTo comes from a field resolver; toldToId is for it. */
@ObjectType({ description: 'A report of what a contact was told about a request, requirement or commitment' })
export class StatusReport {
  @Field(() => ID) id: string;
  @Field(() => ID) subjectId: string;
  @Field() title: string;
  @Field(() => ToldStatusEnum) toldStatus: ToldStatus;
  @Field(() => Int, { nullable: true }) toldPercentComplete: number | null;
  @Field(() => DateTimeScalar, { nullable: true }) toldAt: string | null;
  @Field() message: string;
  @Field(() => Contact) toldTo?: Contact;
  @Field(() => StatusAcknowledgement, { nullable: true, description: 'null until the contact told acknowledges it' })
  acknowledgement: StatusAcknowledgement | null;
  toldToId: string;
  projectId: string;
}

@ObjectType({ description: 'What a status mutation answers: where its event landed' })
export class StatusPayload {
  @Field({ description: 'Global position of the last event written (decimal string)' }) position: string;
}
