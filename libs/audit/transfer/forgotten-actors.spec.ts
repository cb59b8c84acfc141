import type { RecordedEvent } from '@cf/event-store';
import { forgottenActors } from './forgotten-actors.js';

let position = 0n;
const event = (stream: string, type: string, data: Record<string, unknown>, userId = 'ada'): RecordedEvent => ({
  position: ++position,
  stream,
  indexInStream: 0,
  type,
  schemaVersion: 1,
  data,
  metadata: { actor: { userId, name: userId === 'zeb' ? 'Zebedee' : 'Ada' }, occurredAt: '2026-03-02T09:00:00.000Z', correlationId: 'c' },
  prevHash: '',
  hash: '',
});
const added = (contactId?: string) =>
  event('project-p1', 'MemberAdded', {
    projectId: 'p1',
    userId: 'zeb',
    name: 'Zeb',
    role: 'CUSTOMER',
    ...(contactId ? { contactId } : {}),
  });
const confirmed = (requestId: string, projectId = 'p1') =>
  event(`request-${requestId}`, 'RequestConfirmed', { requestId, projectId }, 'zeb');

describe('the actor names an export for people shows', () => {
  it("forgets the name a forgotten contact's member acted under while linked, and no other", async () => {
    const shown = forgottenActors(async (stream) => stream === 'contact-k1');
    const log = [
      confirmed('r0'),
      added('k1'),
      confirmed('r1'),
      confirmed('r9', 'p2'),
      event('project-p1', 'MemberRemoved', { projectId: 'p1', userId: 'zeb' }),
      added('k2'),
      confirmed('r2'),
      event('project-p1', 'MemberRemoved', { projectId: 'p1', userId: 'zeb' }),
      added('k1'),
      confirmed('r3'),
      event('contact-k1', 'ContactForgotten', { contactId: 'k1', projectId: 'p1' }),
      confirmed('r4'),
    ];
    const names: Array<[string, string]> = [];
    for (const recorded of log) {
      const out = await shown(recorded);
      if (out.type === 'RequestConfirmed') names.push([out.stream, out.metadata.actor.name]);
    }
    expect(names).toEqual([
      ['request-r0', 'Zebedee'],
      ['request-r1', '[forgotten]'],
      ['request-r9', 'Zebedee'],
      ['request-r2', 'Zebedee'],
      ['request-r3', '[forgotten]'],
      ['request-r4', 'Zebedee'],
    ]);
  });
});
