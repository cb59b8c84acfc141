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

  @ResolveField(() => [CoveringChangeOrder], { nullable: true })
  async coveredBy(@Parent() commitment: Commitment): Promise<CoveringChangeOrder[]> {
    return (await commitmentsReadModel(this.eventSourcing.readModels).coversOf(commitment.id)).map((c) => ({
      position: String(c.seq),
      reason: c.reason,
      budgetHours: c.budget_hours,
      countersignedById: c.countersigned_by_id,
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
