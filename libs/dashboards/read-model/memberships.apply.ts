import type { ReadModelTransaction, RecordedEvent } from '@cf/event-store';
import { type ProjectEvent, memberSince } from '@cf/projects';

/**
 * When each user was a member of each project (one row per stay, from `since` to `until`, open
 * while they are a member): the contact-days target applies only to months of a stay.
 */
export const applyMemberships = async (trx: ReadModelTransaction, recorded: RecordedEvent): Promise<void> => {
  const event = { type: recorded.type, data: recorded.data } as ProjectEvent;
  const seq = Number(recorded.position);
  switch (event.type) {
    case 'ProjectOpened': {
      const { projectId, openedBy, at } = event.data;
      await trx.insertInto('dashboard_memberships').values({
        project_id: projectId, user_id: openedBy.userId, name: openedBy.name, role: 'MANAGER', since: at.slice(0, 10), until: null, seq,
      }).execute();
      return;
    }
    case 'MemberAdded': {
      const { projectId, userId, name, role } = event.data;
      await trx.insertInto('dashboard_memberships').values({
        project_id: projectId, user_id: userId, name, role, since: memberSince(event, recorded), until: null, seq,
      }).execute();
      return;
    }
    case 'MemberRemoved':
      await trx.updateTable('dashboard_memberships').set({ until: event.data.until })
        .where('project_id', '=', event.data.projectId).where('user_id', '=', event.data.userId).where('until', 'is', null).execute();
  }
};
