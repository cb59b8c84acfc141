import { foldEvents } from '@cf/core';
import { specification } from '@test/decider-specification.js';
import { contactsDecider, type ContactCommand, type ReviseContact } from './contacts.decide.js';
import type { ContactEvent, ContactRegistered, ContactRevised } from './contacts.events.js';

const spec = specification(contactsDecider);
const at = '2025-03-01T09:00:00.000Z';
const later = '2025-04-01T09:00:00.000Z';
const actor = { userId: 'u-ann', name: 'Ann Manager' };

const registered: ContactRegistered = {
  type: 'ContactRegistered',
  data: {
    contactId: 'c-1',
    projectId: 'p-1',
    name: 'Pat Proxy',
    organisation: 'Acme',
    department: 'Sales',
    role: 'PROXY',
    canApproveScope: false,
    at,
  },
};
const forgotten: ContactEvent = { type: 'ContactForgotten', data: { contactId: 'c-1', projectId: 'p-1', reason: 'GDPR', at: later } };

const revise = (overrides: Partial<ReviseContact> = {}): ContactCommand => ({
  type: 'ReviseContact',
  contactId: 'c-1',
  reason: 'Promoted to head of claims',
  actorRole: 'MANAGER',
  at: later,
  actor,
  ...overrides,
});
const revised = (data: Partial<ContactRevised['data']>): ContactRevised => ({
  type: 'ContactRevised',
  data: { contactId: 'c-1', projectId: 'p-1', reason: 'Promoted to head of claims', changes: [], ...data, at: later },
});

describe('ReviseContact', () => {
  it('records what changed, with each new value under its own name', () => {
    spec
      .given([registered])
      .when(revise({ role: 'DECISION_MAKER', canApproveScope: true, department: ' Claims ' }))
      .then([
        revised({
          changes: [
            { field: 'role', from: 'PROXY', to: 'DECISION_MAKER' },
            { field: 'canApproveScope', from: false, to: true },
            { field: 'department', from: 'Sales', to: 'Claims' },
          ],
          role: 'DECISION_MAKER',
          canApproveScope: true,
          department: 'Claims',
        }),
      ]);
  });

  it('leaves out what is given unchanged or not given, and clears a blank text', () => {
    spec
      .given([registered])
      .when(revise({ role: 'PROXY', canApproveScope: null, department: '  ', organisation: 'Acme' }))
      .then([
        revised({
          changes: [{ field: 'department', from: 'Sales', to: null }],
          department: null,
        }),
      ]);
  });

  it('folds the revision into the contact, who is the same contact with the same history', () => {
    const moved = revised({ changes: [], role: 'DECISION_MAKER', canApproveScope: true, department: null, organisation: 'Acme Group' });
    const state = foldEvents(contactsDecider, [registered, moved]);
    expect(state).toMatchObject({
      contactId: 'c-1',
      name: 'Pat Proxy',
      role: 'DECISION_MAKER',
      canApproveScope: true,
      organisation: 'Acme Group',
    });
    expect(state.department).toBeUndefined();
  });

  it('lets a DEVELOPER move a contact to another department, but not change their role or authority', () => {
    spec
      .given([registered])
      .when(revise({ department: 'Claims', actorRole: 'DEVELOPER' }))
      .then([
        revised({
          changes: [{ field: 'department', from: 'Sales', to: 'Claims' }],
          department: 'Claims',
        }),
      ]);
    spec
      .given([registered])
      .when(revise({ role: 'END_USER', actorRole: 'DEVELOPER' }))
      .thenThrows('FORBIDDEN', 'authorityByManager');
    spec
      .given([registered])
      .when(revise({ canApproveScope: true, department: 'Claims', actorRole: 'DEVELOPER' }))
      .thenThrows('FORBIDDEN', 'authorityByManager');
    spec
      .given([registered])
      .when(revise({ canApproveScope: false, department: 'Claims', actorRole: 'DEVELOPER' }))
      .then([
        revised({
          changes: [{ field: 'department', from: 'Sales', to: 'Claims' }],
          department: 'Claims',
        }),
      ]);
  });

  it('needs a reason and a change, and refuses an unknown role', () => {
    expect(
      spec
        .given([registered])
        .when(revise({ reason: ' ', role: 'OTHER' }))
        .thenThrows('BAD_USER_INPUT').details.field,
    ).toBe('reason');
    expect(
      spec
        .given([registered])
        .when(revise({ role: 'PROXY', department: 'Sales' }))
        .thenThrows('BAD_USER_INPUT').message,
    ).toContain('nothing to change');
    expect(
      spec
        .given([registered])
        .when(revise({ role: 'CEO' }))
        .thenThrows('BAD_USER_INPUT').details.field,
    ).toBe('role');
    expect(
      spec
        .given([registered])
        .when(revise({ canApproveScope: 'yes' as never }))
        .thenThrows('BAD_USER_INPUT').details.field,
    ).toBe('canApproveScope');
  });

  it('reports a contact that was never registered, and refuses a forgotten one', () => {
    expect(
      spec
        .given([])
        .when(revise({ role: 'OTHER' }))
        .thenThrows('NOT_FOUND').details,
    ).toEqual({ entity: 'Contact', id: 'c-1' });
    spec
      .given([registered, forgotten])
      .when(revise({ role: 'OTHER' }))
      .thenThrows('RULE_VIOLATED', 'finalState', 'contactId');
  });
});
