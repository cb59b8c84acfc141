import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar } from '@cf/ledger';
import { UserRef } from '@cf/projects';
import { COMMITMENT_STATUSES, type CommitmentStatus } from '../domain/commitments.events.js';

export const CommitmentStatusEnum = Object.fromEntries(COMMITMENT_STATUSES.map((s) => [s, s])) as Record<
  CommitmentStatus,
  CommitmentStatus
>;
registerEnumType(CommitmentStatusEnum, { name: 'CommitmentStatus' });

export const SuspectLinkKindEnum = { REQUIREMENT: 'REQUIREMENT', REQUEST: 'REQUEST' } as const;
registerEnumType(SuspectLinkKindEnum, { name: 'SuspectLinkKind' });

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
  @Field(() => Float, {
    description: 'The part of the baseline the active commitments on its requirements promise: Σ min(committed, estimate) per requirement',
  })
  promisedBaselineHours: number;
  @Field(() => Float) overrunHours: number;
  @Field(() => Float) outsideRequirementsHours: number;
  @Field(() => Float, { description: 'baselineHours + outsideRequirementsHours + overrunHours' }) exposureHours: number;
}

@ObjectType('CommitmentJudgement', {
  description: 'How a commitment stands against requirements, budget and authority, with a sentence per flag',
})
export class CommitmentJudgementView {
  @Field() outsideRequirements: boolean;
  @Field() outsideBudget: boolean;
  @Field(() => Float, { description: 'The part of its own draw on the reserve that does not fit' }) exceedsBudgetByHours: number;
  @Field() madeWithoutAuthority: boolean;
  @Field() requestedWithoutAuthority: boolean;
  @Field(() => [String]) reasons: string[];
}

@ObjectType('CoveringChangeOrder', { description: 'A change order that pays for the commitment: it draws on the budget before the others' })
export class CoveringChangeOrder {
  @Field({ description: 'Global position of the change order (decimal string)' }) position: string;
  @Field() reason: string;
  @Field(() => Float, { description: 'The budget the change order set' }) budgetHours: number;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When a revision ended the cover (hours beyond those covered, or other requirements); null while it pays',
  })
  endedAt: string | null;
  @Field(() => Int, { nullable: true, description: "The commitment's revision that ended the cover; null while it pays" })
  endedInRevision: number | null;
  /** Not in the schema: resolved by countersignedBy. */
  countersignedById: string;
}

@ObjectType('SuspectLink', { description: 'A link whose target changed after the commitment was made or linked' })
export class SuspectLink {
  @Field(() => SuspectLinkKindEnum) kind: keyof typeof SuspectLinkKindEnum;
  @Field(() => ID) id: string;
  @Field() reason: string;
}

/**
 * A commitment. Its top-level flags and reasons are the judgement when it was made (`atDecision`);
 * `current` is today's. What a CUSTOMER member sees of it is decided by the customer view
 * (libs/ledger/customer-view): every judgement, budget figure and internal link is null for them.
 */
@ObjectType('Commitment')
export class Commitment {
  @Field(() => ID) id: string;
  @Field(() => ID) projectId: string;
  @Field() summary: string;
  @Field(() => CommitmentStatusEnum) status: CommitmentStatus;
  @Field(() => Float) estimateHours: number;
  @Field(() => DateScalar, { nullable: true }) dueDate: string | null;
  @Field(() => Boolean, { nullable: true }) outsideRequirements: boolean;
  @Field(() => Boolean, { nullable: true }) outsideBudget: boolean;
  @Field(() => Float, { nullable: true }) exceedsBudgetByHours: number;
  @Field(() => Boolean, { nullable: true }) madeWithoutAuthority: boolean;
  @Field(() => Boolean, { nullable: true }) requestedWithoutAuthority: boolean;
  @Field(() => [String], { nullable: true, description: 'One sentence per true flag, as made' }) reasons: string[];
  @Field(() => BudgetAtDecisionView, { nullable: true }) budgetAtDecision: BudgetAtDecisionView;
  @Field(() => CommitmentJudgementView, {
    nullable: true,
    description:
      "History: as judged when made. Only a raise of its estimate judges the hours it adds, and a relink the hours it moves beyond the reserve left after every other active commitment; a developer who takes a promise outside requirements records it as theirs; a trim, any other relink, or a manager's edit clears nothing here (see current)",
  })
  atDecision: CommitmentJudgementView;
  @Field(() => CommitmentJudgementView, {
    nullable: true,
    description:
      "Today's standing: judged again whenever the budget, the baseline, its links, who asked or the project's other commitments change; null once it no longer draws on the budget (withdrawn or rejected)",
  })
  current: CommitmentJudgementView | null;
  @Field(() => UserRef) madeBy: UserRef;
  @Field(() => DateTimeScalar) madeAt: string;
  @Field(() => Int, {
    nullable: true,
    description: 'How many events the commitment has had: send it back as expectedRevision. Null for CUSTOMER members (the customer view)',
  })
  revision: number;
  /** Not in the schema: the contact it was made to (resolved by madeTo). */
  madeToId: string;
  /** Not in the schema: the customer's contact when a customer reads, to show only their own requests. */
  viewerContactId: string | null;
}

@ObjectType({ description: 'What a commitment mutation answers: where its last event landed, and the commitment after it' })
export class CommitmentPayload {
  @Field({ description: 'Global position of the last event written (decimal string)' }) position: string;
  @Field(() => Commitment) commitment: Commitment;
}
