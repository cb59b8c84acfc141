import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { DateScalar, DateTimeScalar } from '@cf/ledger';
import { UserRef } from '@cf/projects';
import { COMMITMENT_STATUSES, type CommitmentStatus } from '../domain/commitments.events.js';

export const CommitmentStatusEnum = Object.fromEntries(COMMITMENT_STATUSES.map((s) => [s, s])) as Record<CommitmentStatus, CommitmentStatus>;
registerEnumType(CommitmentStatusEnum, { name: 'CommitmentStatus' });

@ObjectType('BudgetAtDecision', { description: 'The budget numbers a commitment was judged on, as they stood just before it' })
export class BudgetAtDecisionView {
  @Field(() => Float) budgetHours: number;
  @Field(() => Float) baselineHours: number;
  @Field(() => Float) reserveHours: number;
  @Field(() => Float) remainingReserveHours: number;
}

@ObjectType({ description: 'What the project has promised against its budget (hours)' })
export class ProjectBudget {
  @Field(() => Float) budgetHours: number;
  @Field(() => Float) baselineHours: number;
  @Field(() => Float) reserveHours: number;
  @Field(() => Float, { description: 'budgetHours − exposureHours; negative when the promises exceed the budget' })
  remainingReserveHours: number;
  @Field(() => Float) overrunHours: number;
  @Field(() => Float) outsideRequirementsHours: number;
  @Field(() => Float, { description: 'baselineHours + outsideRequirementsHours + overrunHours' }) exposureHours: number;
}

@ObjectType('Commitment')
export class Commitment {
  @Field(() => ID) id: string;
  @Field(() => ID) projectId: string;
  @Field() summary: string;
  @Field(() => CommitmentStatusEnum) status: CommitmentStatus;
  @Field(() => Float) estimateHours: number;
  @Field(() => DateScalar, { nullable: true }) dueDate: string | null;
  @Field() outsideRequirements: boolean;
  @Field() outsideBudget: boolean;
  @Field(() => Float) exceedsBudgetByHours: number;
  @Field() madeWithoutAuthority: boolean;
  @Field() requestedWithoutAuthority: boolean;
  @Field(() => [String], { description: 'One sentence per true flag' }) reasons: string[];
  @Field(() => BudgetAtDecisionView, { nullable: true, description: 'Null for customers: they never see budget figures' })
  budgetAtDecision: BudgetAtDecisionView | null;
  @Field(() => UserRef) madeBy: UserRef;
  @Field(() => DateTimeScalar) madeAt: string;
  @Field(() => Int, { description: 'How many events the commitment has had: send it back as expectedRevision' })
  revision: number;
  /** Not in the schema: the contact it was made to (resolved by madeTo). */
  madeToId: string;
  /** Not in the schema: set when a customer reads, to hide requests that are not theirs. */
  viewerContactId: string | null;
}

@ObjectType({ description: 'What a commitment mutation answers: where its last event landed, and the commitment after it' })
export class CommitmentPayload {
  @Field({ description: 'Global position of the last event written (decimal string)' }) position: string;
  @Field(() => Commitment) commitment: Commitment;
}

@InputType()
export class CommitmentFilter {
  @Field({ nullable: true }) @IsOptional() @IsBoolean() outsideBudget?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() outsideRequirements?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() madeWithoutAuthority?: boolean;
  @Field(() => CommitmentStatusEnum, { nullable: true }) @IsOptional() @IsIn(COMMITMENT_STATUSES) status?: CommitmentStatus;
}
