import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { COMMITMENT_STATUSES, type CommitmentStatus } from '../domain/commitments.events.js';
import { CommitmentStatusEnum } from '../graphql/commitment.types.js';

@InputType({
  description:
    "Filters by the judgement when made; currentlyOutsideBudget and currentlyOutsideRequirements by today's standing, suspect by the links as they stand today. Withdrawn and rejected commitments are included unless `status` or `active` says otherwise: the dashboard's figures count active ones. Not for CUSTOMER members, who may filter by status and active only.",
})
export class CommitmentFilter {
  @Field({ nullable: true }) @IsOptional() @IsBoolean() outsideBudget?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() outsideRequirements?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() madeWithoutAuthority?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() currentlyOutsideBudget?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() currentlyOutsideRequirements?: boolean;
  @Field({
    nullable: true,
    description:
      "At least one link whose target changed since it was made or reviewed (suspectLinks): the dashboard's `suspect` counts the active ones",
  })
  @IsOptional()
  @IsBoolean()
  suspect?: boolean;
  @Field({
    nullable: true,
    description:
      'Needs a look: made outside the budget, outside it today, made without authority, or active with a suspect link (those four flags of the dashboard as one list; false: none of them)',
  })
  @IsOptional()
  @IsBoolean()
  flagged?: boolean;
  @Field(() => CommitmentStatusEnum, { nullable: true }) @IsOptional() @IsIn(COMMITMENT_STATUSES) status?: CommitmentStatus;
  @Field({ nullable: true, description: 'Neither withdrawn nor rejected (ACCEPTED, PENDING_APPROVAL, APPROVED, DELIVERED)' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
