import type { PositionedEvent } from '@cf/event-store';
import type { ContactEvent } from '../domain/contacts.events.js';
import { type ContactAuthority, contactAuthorityDecider, couldApproveScopeAt } from './contact-authority-on-record.js';

const at = '2026-03-01T10:00:00.000Z';
const fold = (events: PositionedEvent<ContactEvent>[]): ContactAuthority =>
  events.reduce(contactAuthorityDecider.evolve, contactAuthorityDecider.initialState());
const registered = (position: bigint, canApproveScope: boolean): PositionedEvent<ContactEvent> => ({
  type: 'ContactRegistered',
  position,
  occurredAt: at,
  data: { contactId: 'c-1', projectId: 'p-1', name: 'Dora', role: 'DECISION_MAKER', canApproveScope, at },
});
const revised = (position: bigint, canApproveScope?: boolean): PositionedEvent<ContactEvent> => ({
  type: 'ContactRevised',
  position,
  occurredAt: at,
  data: {
    contactId: 'c-1',
    projectId: 'p-1',
    reason: 'Role changed',
    changes: [],
    ...(canApproveScope === undefined ? {} : { canApproveScope }),
    at,
  },
});

describe('a contact’s authority at a point of the log', () => {
  const dora = fold([registered(10n, false), revised(20n, true), revised(25n), revised(30n, false)]);

  it('is the authority of the last change before that point, whatever came after', () => {
    expect([11n, 20n, 21n, 26n, 30n, 31n].map((position) => couldApproveScopeAt(dora, position))).toEqual([
      false,
      false,
      true,
      true,
      true,
      false,
    ]);
  });

  it('is none before the contact was registered', () => {
    expect(couldApproveScopeAt(fold([registered(10n, true)]), 5n)).toBe(false);
  });

  it('is never guessed where the store gave no positions', () => {
    expect(() => couldApproveScopeAt(fold([registered(0n, true)]), 12n)).toThrow('no global positions');
    expect(() => couldApproveScopeAt(dora, 0n)).toThrow('no global positions');
  });
});
