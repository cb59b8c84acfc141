import { FORGOTTEN } from '@cf/core';
import type { PageRows, Row } from '@cf/event-store';
import { asAForgottenContactShows } from './forgotten-contact.js';

interface Forgotten {
  contactId: string;
  projectId: string;
}

const dataOf = <T>(row: Row): T => JSON.parse(row.data as string) as T;

/**
 * The audit log keeps no copy of a forgotten contact's personal fields: the rows of its stream,
 * and the name of the CUSTOMER member linked to them (in the project's MemberAdded), show
 * `[forgotten]` instead, and so does the name that member acted under (the store's own rows, and
 * so the hash chain, are untouched).
 */
export const forgetContact = async (rows: PageRows, stream: string, forgotten: Forgotten): Promise<void> => {
  const members = await rows.find('audit_log', { type: 'MemberAdded', project_id: forgotten.projectId });
  const theirs = members.filter((row) => dataOf<{ contactId?: string }>(row).contactId === forgotten.contactId);
  for (const row of [...(await rows.find('audit_log', { stream })), ...theirs]) {
    rows.put('audit_log', { ...row, data: JSON.stringify(asAForgottenContactShows(dataOf(row))) });
  }
  const changes = [...members, ...(await rows.find('audit_log', { type: 'MemberRemoved', project_id: forgotten.projectId }))];
  for (const added of theirs) await forgetMemberAsActor(rows, added, changes, forgotten.projectId);
};

/**
 * What the member did in the project while linked to the contact (from their MemberAdded until
 * they left or were added again, or until the forget ended their membership): its rows name the
 * actor as their token did, the contact's own name, so the actor's name reads `[forgotten]`
 * there; their user id stays.
 */
const forgetMemberAsActor = async (rows: PageRows, added: Row, memberChanges: Row[], projectId: string): Promise<void> => {
  const { userId } = dataOf<{ userId: string }>(added);
  const from = Number(added.position);
  const later = memberChanges
    .filter((row) => Number(row.position) > from && dataOf<{ userId: string }>(row).userId === userId)
    .map((row) => Number(row.position));
  const until = Math.min(Infinity, ...later);
  for (const row of await rows.find('audit_log', { actor_id: userId, project_id: projectId })) {
    const position = Number(row.position);
    if (position > from && position < until) rows.put('audit_log', { ...row, actor_name: FORGOTTEN });
  }
};
