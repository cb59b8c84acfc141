import { Injectable } from '@nestjs/common';
import { DomainError } from '@cf/core';
import { type Caller, EventSourcing } from '@cf/ledger';
import { ProjectAccess, type ProjectRole, projectsReadModel } from '@cf/projects';

/** Who reads the audit log and verifies the trail: managers and auditors, per project. */
export const AUDIT_ROLES: readonly ProjectRole[] = ['MANAGER', 'AUDITOR'];

/** More projects than anyone belongs to; the list is read once per audit query. */
const MAX_PROJECTS = 100_000;

@Injectable()
export class AuditAccess {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly access: ProjectAccess,
  ) {}

  /**
   * The projects whose audit rows the caller may read: the one asked for (if the caller is
   * MANAGER or AUDITOR there), or else every project where the caller is; none is FORBIDDEN.
   */
  async auditableProjects(caller: Caller, projectId: string | undefined, action: string): Promise<string[]> {
    if (projectId !== undefined) {
      await this.access.require(caller, projectId, AUDIT_ROLES, action);
      return [projectId];
    }
    const read = projectsReadModel(this.eventSourcing.readModels);
    const projects = await read.projectsOf(caller.actor.userId, 0, MAX_PROJECTS);
    const allowed: string[] = [];
    for (const project of projects) {
      const member = await read.member(project.id, caller.actor.userId);
      if (member && AUDIT_ROLES.includes(member.role)) allowed.push(project.id);
    }
    if (allowed.length === 0) throw DomainError.forbidden(`Only a MANAGER or AUDITOR of a project may ${action}`, 'roleAllowed');
    return allowed;
  }
}
