import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { DateTimeScalar, JsonScalar, Paginated } from '@cf/ledger';
import { UserRef } from '@cf/projects';
import { FieldChange } from '@cf/requirements';

@InputType({ description: 'Which audit rows to show; every filter given must hold' })
export class AuditFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() projectId?: string;
  @Field({
    nullable: true,
    description:
      "A stream name, e.g. requirement-<id>. A commitment's events are in its project's budget stream, budget-<projectId>, " +
      "beside the other commitments' and the budget's (history(id) lists one commitment's)",
  })
  @IsOptional()
  @Length(1, 200)
  stream?: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 200) actorId?: string;
  @Field(() => [String], {
    nullable: true,
    description: 'Event types, e.g. RequirementRevised; a type the ledger does not record is refused',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  types?: string[];
  @Field(() => DateTimeScalar, { nullable: true, description: 'Occurred at or after' }) @IsOptional() from?: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Occurred at or before' }) @IsOptional() to?: string;
}

@ObjectType({ description: 'One stored event as the audit log shows it' })
export class AuditEntry {
  @Field({ description: 'Global position (decimal string); also the cursor' }) position: string;
  @Field() stream: string;
  @Field(() => Int, { description: "The entity's revision after this event (1 for the first)" }) revision: number;
  @Field() type: string;
  @Field(() => DateTimeScalar) occurredAt: string;
  @Field(() => UserRef) actor: UserRef;
  @Field() correlationId: string;
  @Field(() => String, { nullable: true }) causationId: string | null;
  @Field(() => JsonScalar) data: Record<string, unknown>;
  @Field({ description: "SHA-256 link of the stream's hash chain" }) hash: string;
  @Field() prevHash: string;
}

@ObjectType()
export class AuditEntryConnection extends Paginated(AuditEntry) {}

@ObjectType({ description: "One event of an entity's history, with the fields it changed" })
export class HistoryEntry {
  @Field({
    description:
      "The stream the event is in: the entity's own (requirement-<id>), its project's budget-<projectId> for a commitment's events " +
      "and a project's change orders and baselines, or status-<id> for a status report on it",
  })
  stream: string;
  @Field(() => Int, {
    description: "The entity's revision after this event (1 for the first); for a status report on it, its status stream's",
  })
  revision: number;
  @Field() type: string;
  @Field(() => DateTimeScalar) occurredAt: string;
  @Field(() => UserRef) actor: UserRef;
  @Field(() => [FieldChange], { description: 'Values as text; non-text values as JSON' }) changes: FieldChange[];
}

@ObjectType({ description: 'Where a hash chain stopped holding' })
export class BrokenLink {
  @Field() stream: string;
  @Field(() => Int, {
    description:
      "The stream's revision (1 for its first event) of the first event whose link fails: in a project's own stream and its budget stream, the stream's count, not the project's or a commitment's (match it by position)",
  })
  revision: number;
  @Field({ description: 'Its global position, as a decimal string: names the event beyond doubt' }) position: string;
  @Field({
    description:
      'REVISION_GAP (an event missing or renumbered), PREV_HASH_MISMATCH (deleted or reordered), HASH_MISMATCH (content altered), ' +
      'MISSING_EVENT (an event the seal covers is gone, the last one included), SEAL_MISMATCH (the events up to the seal hash otherwise)',
  })
  reason: string;
}

@ObjectType({ description: 'The outcome of re-computing every hash chain from the event store' })
export class AuditVerification {
  @Field() ok: boolean;
  @Field(() => Int) streamsChecked: number;
  @Field(() => Int) eventsChecked: number;
  @Field(() => BrokenLink, { nullable: true }) firstBrokenLink: BrokenLink | null;
}

@ObjectType({ description: "The head of a project's chain over all its events in position order: an auditor keeps it" })
export class AuditSeal {
  @Field({ description: "Global position of the project's last event (decimal string)" }) position: string;
  @Field({ description: 'SHA-256 head of the project chain' }) hash: string;
  @Field(() => DateTimeScalar, { description: 'When that last event happened' }) at: string;
}

/** Both fields are required by the schema; IsOptional only lets an absent seal through (the pipe validates it as {}). */
@InputType({ description: 'A seal read earlier from auditSeal' })
export class AuditSealInput {
  @Field()
  @IsOptional()
  // Positions count from 1, written without leading zeros as auditSeal gives them out.
  @Matches(/^[1-9]\d{0,29}$/, { message: 'position must be a position (a decimal string) auditSeal gave out' })
  position: string;
  // Hex digits in either case: a seal copied through a tool that writes them in capitals is the same seal.
  @Field() @IsOptional() @Matches(/^[0-9a-fA-F]{64}$/, { message: 'hash must be the 64 hex digits auditSeal gave out' }) hash: string;
}

@ObjectType('ActivityActor')
export class ActivityActor {
  @Field() name: string;
}

@ObjectType({ description: 'An event of a project as it happens, with a sentence saying what it was' })
export class ProjectActivity {
  @Field() position: string;
  @Field() stream: string;
  @Field() type: string;
  @Field(() => DateTimeScalar) occurredAt: string;
  @Field(() => ActivityActor) actor: ActivityActor;
  @Field() summary: string;
}
