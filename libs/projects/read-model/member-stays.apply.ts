import type { PageRows, ReadModelDb, RecordedEvent } from '@cf/event-store';
import type { MemberAdded, ProjectEvent } from '../domain/projects.events.js';

/** The day a member joined; events recorded before join dates existed count from the day they were recorded. */
export const memberSince = (event: MemberAdded, recorded: RecordedEvent): string =>
  event.data.since ?? recorded.metadata.occurredAt.slice(0, 10);

/**
 * Every stay of a user in a project, from the day they joined to their last day (`until`, empty
 * while they are a member): what happened on a past day, such as a contact session logged after
 * a developer left, is judged on who was a member then, not on who is one now.
 */
export const migrateMemberStays = async (db: ReadModelDb): Promise<void> => {
  await db.schema
    .createTable('project_member_stays')
    .ifNotExists()
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('since', 'text', (c) => c.notNull())
    .addColumn('until', 'text')
    .addPrimaryKeyConstraint('project_member_stays_pk', ['project_id', 'user_id', 'seq'])
    .execute();
};

export const projectMemberStays = async (rows: PageRows, event: ProjectEvent, recorded: RecordedEvent): Promise<void> => {
  const seq = Number(recorded.position);
  switch (event.type) {
    case 'ProjectOpened': {
      const { projectId, openedBy, at } = event.data;
      const stay = { name: openedBy.name, role: 'MANAGER', since: at.slice(0, 10), until: null, seq };
      rows.put('project_member_stays', { project_id: projectId, user_id: openedBy.userId, ...stay });
      return;
    }
    case 'MemberAdded': {
      const { projectId, userId, name, role } = event.data;
      const stay = { name, role, since: memberSince(event, recorded), until: null, seq };
      rows.put('project_member_stays', { project_id: projectId, user_id: userId, ...stay });
      return;
    }
    case 'MemberRemoved': {
      const { projectId, userId, until } = event.data;
      for (const stay of await rows.find('project_member_stays', { project_id: projectId, user_id: userId, until: null })) {
        rows.put('project_member_stays', { ...stay, until });
      }
    }
  }
};

/**
 * A forgotten person keeps no login to the project: the CUSTOMER member linked to them reads
 * nothing more, as after MemberRemoved. Their MemberAdded stays in the log (its name sealed).
 */
export const endMembershipsOf = async (rows: PageRows, contactId: string): Promise<void> => {
  for (const member of await rows.find<{ project_id: string; user_id: string }>('project_members', { contact_id: contactId })) {
    rows.delete('project_members', { project_id: member.project_id, user_id: member.user_id });
  }
};
