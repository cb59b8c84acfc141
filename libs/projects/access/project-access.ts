import { Injectable } from '@nestjs/common';
import { DomainError, streamName } from '@cf/core';
import { type Caller, EventSourcing, type FactsOnRecord } from '@cf/ledger';
import { allowedRole } from '../domain/project-roles.js';
import { projectsDecider } from '../domain/projects.decide.js';
import type { ProjectRole } from '../domain/projects.events.js';
import { type ProjectState, memberOf } from '../domain/projects.state.js';
import { contactAsNamed } from '../on-record/contact-as-named.js';
import { projectsReadModel } from '../read-model/projects.read-model.js';
import type { MemberRow, ProjectRow } from '../read-model/projects.rows.js';

export interface ProjectAccessGrant {
  project: ProjectRow;
  member: MemberRow;
  role: ProjectRole;
}

/** An entity the caller named by its id, as its handler found it. */
export interface NamedEntity {
  projectId: string;
  /** The answer to an id no entity has: its context's NOT_FOUND. */
  unknown: DomainError;
  /** Whether a CUSTOMER member, being contact `contactId`, sees it; without it, customers see none of its kind. */
  seenByCustomer?: (contactId: string | null) => boolean;
}

/** The read-model row of an entity a caller named by its id, with what `requireNamed` asks of it. */
export interface NamedRow<Row> {
  row: Row;
  named: NamedEntity;
}

/**
 * The row found for an id, or `unknown` when there is none: the one answer to an id nothing has,
 * which `requireNamed` gives as well to a customer who may not see the entity, so neither tells
 * them apart. `entity` says, of the row found, whose project it is and what a customer sees.
 */
export const namedRow = <Row>(
  row: Row | undefined,
  unknown: DomainError,
  entity: (row: Row) => Omit<NamedEntity, 'unknown'>,
): NamedRow<Row> => {
  if (!row) throw unknown;
  return { row, named: { ...entity(row), unknown } };
};

/** Everyone but customers: the internal roles that read the whole project. */
export const INTERNAL_ROLES: readonly ProjectRole[] = ['MANAGER', 'DEVELOPER', 'AUDITOR'];
export const ANY_ROLE: readonly ProjectRole[] = ['MANAGER', 'DEVELOPER', 'AUDITOR', 'CUSTOMER'];

/**
 * Roles are per project. Command and query handlers ask here before anything else: an
 * unknown project is NOT_FOUND, a caller without one of the roles is FORBIDDEN.
 *
 * A query reads the caller's role from the read model. A command passes the FactsOnRecord it is
 * decided on: then who the caller is in the project is the project stream's, held unmoved till the
 * append, so a member removed on another instance a moment ago never acts on this one, and one
 * added there may. The read model still finds the project (NOT_FOUND) and the row of a named entity.
 */
@Injectable()
export class ProjectAccess {
  constructor(private readonly eventSourcing: EventSourcing) {}

  async require(
    caller: Caller,
    projectId: string,
    roles: readonly ProjectRole[],
    action: string,
    onRecord?: FactsOnRecord,
  ): Promise<ProjectAccessGrant> {
    return grantOf(await this.membership(caller, projectId, onRecord), roles, action);
  }

  /**
   * As `require`, for an entity the caller named by its id. A CUSTOMER who may not see it is
   * answered exactly as for an id nothing has: a refusal would tell them it exists, and they
   * could probe ids one by one. What they see but may not do is FORBIDDEN, as for the team.
   */
  async requireNamed(
    caller: Caller,
    named: NamedEntity,
    roles: readonly ProjectRole[],
    action: string,
    onRecord?: FactsOnRecord,
  ): Promise<ProjectAccessGrant> {
    const found = await this.membership(caller, named.projectId, onRecord);
    const { member } = found;
    if (member?.role === 'CUSTOMER' && !(named.seenByCustomer?.(member.contact_id) ?? false)) throw named.unknown;
    return grantOf(found, roles, action);
  }

  private async membership(caller: Caller, projectId: string, onRecord?: FactsOnRecord): Promise<Membership> {
    const [found, onLog] = await Promise.all([
      projectsReadModel(this.eventSourcing.readModels).projectWithMember(projectId, caller.actor.userId),
      onRecord?.fold(projectsDecider, streamName('project', projectId)),
    ]);
    if (!found) throw DomainError.notFound('Project', projectId);
    if (!onLog || !onRecord) return found;
    const member = memberOnRecord(onLog.state, caller.actor.userId);
    // A CUSTOMER login ends when the contact it speaks for is forgotten (on the contact's stream, held unmoved too).
    const forgotten = member?.contact_id
      ? (await onRecord.fold(contactAsNamed, streamName('contact', member.contact_id))).state.forgotten
      : false;
    return { project: found.project, member: forgotten ? undefined : member };
  }
}

interface Membership {
  project: ProjectRow;
  member?: MemberRow;
}

/** The caller's membership as the project stream holds it, in the read model's shape. */
const memberOnRecord = (state: ProjectState, userId: string): MemberRow | undefined => {
  const member = memberOf(state, userId);
  return member
    ? {
        project_id: state.projectId,
        user_id: member.userId,
        name: member.name,
        role: member.role,
        contact_id: member.contactId ?? null,
        since: member.since ?? '',
      }
    : undefined;
};

const grantOf = ({ project, member }: Membership, roles: readonly ProjectRole[], action: string): ProjectAccessGrant => {
  const role = allowedRole(member?.role, roles, action); // FORBIDDEN for one who is no member, too
  return { project, member: member as MemberRow, role };
};
