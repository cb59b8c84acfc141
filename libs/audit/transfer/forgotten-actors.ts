import { FORGOTTEN, streamName } from '@cf/core';
import type { RecordedEvent } from '@cf/event-store';
import { projectNamedBy } from '../read-model/audit.projection.js';

/**
 * For an export read by people: the name a CUSTOMER member acted under while linked to a contact
 * who is forgotten reads `[forgotten]`, as in the audit log. Fed every event in log order, it
 * knows who is linked to which contact in each project (MemberAdded with a contactId, until
 * MemberRemoved, the next MemberAdded or the ContactForgotten); `isForgotten` says whether a contact's stream holds
 * ContactForgotten. Events that name no project keep their actor: every event a CUSTOMER member
 * can cause names its project (the audit log also finds a project from earlier rows of a stream).
 */
export const forgottenActors = (isForgotten: (contactStream: string) => Promise<boolean>) => {
  const linked = new Map<string, string>();
  return async (event: RecordedEvent): Promise<RecordedEvent> => {
    const projectId = projectNamedBy(event);
    if (projectId === undefined) return event;
    if (event.type === 'ContactForgotten') {
      // The forget ends the membership: what comes after it is not theirs as that member (as in the audit log).
      const { contactId } = event.data as { contactId: string };
      for (const [member, linkedTo] of linked) if (linkedTo === contactId && member.startsWith(`${projectId}:`)) linked.delete(member);
      return event;
    }
    if (event.type === 'MemberAdded' || event.type === 'MemberRemoved') {
      const { userId, contactId } = event.data as { userId: string; contactId?: string };
      if (event.type === 'MemberAdded' && contactId) linked.set(`${projectId}:${userId}`, contactId);
      else linked.delete(`${projectId}:${userId}`);
      return event;
    }
    const contactId = linked.get(`${projectId}:${event.metadata.actor.userId}`);
    if (contactId === undefined || !(await isForgotten(streamName('contact', contactId)))) return event;
    return { ...event, metadata: { ...event.metadata, actor: { ...event.metadata.actor, name: FORGOTTEN } } };
  };
};
