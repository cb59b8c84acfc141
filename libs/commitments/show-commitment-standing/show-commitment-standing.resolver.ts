import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Contact, contactsReadModel, toContact } from '@cf/contacts';
import { EventSourcing } from '@cf/ledger';
import { Requirement, requirementsReadModel, toRequirement } from '@cf/requirements';
import { Commitment, CoveringChangeOrder, SuspectLink } from '../graphql/commitment.types.js';
import { commitmentsReadModel } from '../read-model/commitments.read-model.js';

/** The parts of a commitment that live in other rows: its requirements, the change orders covering it, its suspect links. */
@Resolver(() => Commitment)
export class CommitmentFieldsResolver {
  constructor(private readonly eventSourcing: EventSourcing) {}

  @ResolveField(() => [Requirement], { nullable: true })
  async requirements(@Parent() commitment: Commitment): Promise<Requirement[]> {
    const row = await commitmentsReadModel(this.eventSourcing.readModels).commitment(commitment.id);
    const ids = row ? (JSON.parse(row.requirement_ids) as string[]) : [];
    const rows = new Map((await requirementsReadModel(this.eventSourcing.readModels).requirements(ids)).map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const requirement = rows.get(id);
      return requirement ? [toRequirement(requirement)] : [];
    });
  }

  @ResolveField(() => [CoveringChangeOrder], { nullable: true, description: 'The change orders paying for it today, oldest first' })
  coveredBy(@Parent() commitment: Commitment): Promise<CoveringChangeOrder[]> {
    return this.covers(commitment.id, { ended: false });
  }

  @ResolveField(() => [CoveringChangeOrder], {
    nullable: true,
    description: 'History: the change orders that paid for it until a revision ended their cover, oldest first',
  })
  endedCovers(@Parent() commitment: Commitment): Promise<CoveringChangeOrder[]> {
    return this.covers(commitment.id, { ended: true });
  }

  private async covers(commitmentId: string, which: { ended: boolean }): Promise<CoveringChangeOrder[]> {
    return (await commitmentsReadModel(this.eventSourcing.readModels).coversOf(commitmentId, which)).map((c) => ({
      position: String(c.seq),
      reason: c.reason,
      budgetHours: c.budget_hours,
      countersignedById: c.countersigned_by_id,
      endedAt: c.ended_at,
      endedInRevision: c.ended_in_revision,
    }));
  }

  @ResolveField(() => [SuspectLink], { nullable: true })
  async suspectLinks(@Parent() commitment: Commitment): Promise<SuspectLink[]> {
    return (await commitmentsReadModel(this.eventSourcing.readModels).suspectLinksOf(commitment.id)).map((l) => ({
      kind: l.kind,
      id: l.target_id,
      reason: l.reason,
    }));
  }
}

@Resolver(() => CoveringChangeOrder)
export class CoveringChangeOrderResolver {
  constructor(private readonly eventSourcing: EventSourcing) {}

  @ResolveField(() => Contact, { nullable: true })
  async countersignedBy(@Parent() cover: CoveringChangeOrder): Promise<Contact | null> {
    const row = await contactsReadModel(this.eventSourcing.readModels).contact(cover.countersignedById);
    return row ? toContact(row) : null;
  }
}
