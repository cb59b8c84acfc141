import type { PageRows, RecordedEvent } from '@cf/event-store';
import { type ProjectEvent, memberSince } from '@cf/projects';

/**
 * When each user was a member of each project (one row per stay, from `since` to `until`, open
 * while they are a member): the contact-days target applies only to months of a stay.
 */
export const projectMemberships = async (rows: PageRows, recorded: RecordedEvent): Promise<void> => {
  const event = { type: recorded.type, data: recorded.data } as ProjectEvent;
  const seq = Number(recorded.position);
  switch (event.type) {
    case 'ProjectOpened': {
      const { projectId, openedBy, at } = event.data;
      rows.put('dashboard_memberships', {
        project_id: projectId,
        user_id: openedBy.userId,
        name: openedBy.name,
        role: 'MANAGER',
        since: at.slice(0, 10),
        until: null,
        seq,
      });
      return;
    }
    case 'MemberAdded': {
      const { projectId, userId, name, role } = event.data;
      rows.put('dashboard_memberships', {
        project_id: projectId,
        user_id: userId,
        name,
        role,
        since: memberSince(event, recorded),
        until: null,
        seq,
      });
      return;
    }
    case 'MemberRemoved': {
      const open = await rows.find('dashboard_memberships', { project_id: event.data.projectId, user_id: event.data.userId, until: null });
      for (const stay of open) rows.put('dashboard_memberships', { ...stay, until: event.data.until });
    }
  }
};
