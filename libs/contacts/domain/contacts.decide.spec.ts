import { FORGOTTEN, foldEvents } from '@cf/core';
import { specification } from '@test/decider-specification.js';
import { contactsDecider, type ContactCommand, type ForgetContact, type RegisterContact } from './contacts.decide.js';
import type { ContactForgotten, ContactRegistered } from './contacts.events.js';

const spec = specification(contactsDecider);
const at = '2025-03-01T09:00:00.000Z';
const actor = { userId: 'u-ann', name: 'Ann Manager' };

const registered: ContactRegistered = {
  type: 'ContactRegistered',
  data: {
    contactId: 'c-1',
    projectId: 'p-1',
    name: 'Bea Boss',
    email: 'bea@acme.example',
    organisation: 'Acme',
    department: 'Sales',
    role: 'DECISION_MAKER',
    canApproveScope: true,
    at,
  },
};
const forgotten: ContactForgotten = {
  type: 'ContactForgotten',
  data: { contactId: 'c-1', projectId: 'p-1', reason: 'GDPR request', at },
};

const register = (overrides: Partial<RegisterContact> = {}): ContactCommand => ({
  type: 'RegisterContact',
  contactId: 'c-1',
  projectId: 'p-1',
  name: 'Bea Boss',
  email: 'bea@acme.example',
  organisation: 'Acme',
  department: 'Sales',
  role: 'DECISION_MAKER',
  canApproveScope: true,
  actorRole: 'MANAGER',
  at,
  actor,
  ...overrides,
});
const forget = (overrides: Partial<ForgetContact> = {}): ContactCommand => ({
  type: 'ForgetContact',
  contactId: 'c-1',
  reason: 'GDPR request',
  at,
  actor,
  ...overrides,
});

describe('contacts decider', () => {
  describe('RegisterContact', () => {
    it('registers a contact with all fields', () => {
      spec.given([]).when(register()).then([registered]);
    });

    it('registers a contact with only the required fields, leaving absent ones out', () => {
      const events = contactsDecider.decide(
        register({ email: undefined, organisation: null, department: '  ', role: 'PROXY', canApproveScope: false }),
        contactsDecider.initialState(),
      );
      expect(events).toEqual([
        {
          type: 'ContactRegistered',
          data: { contactId: 'c-1', projectId: 'p-1', name: 'Bea Boss', role: 'PROXY', canApproveScope: false, at },
        },
      ]);
      expect(Object.keys(events[0]!.data)).not.toContain('email');
    });

    it('trims the name', () => {
      spec
        .given([])
        .when(register({ name: '  Bea Boss  ' }))
        .then([registered]);
    });

    it('folds the contact into state', () => {
      const state = foldEvents(contactsDecider, [registered]);
      expect(state).toMatchObject({
        exists: true,
        contactId: 'c-1',
        projectId: 'p-1',
        name: 'Bea Boss',
        role: 'DECISION_MAKER',
        canApproveScope: true,
        forgotten: false,
      });
    });

    it('rejects an empty name', () => {
      expect(
        spec
          .given([])
          .when(register({ name: ' ' }))
          .thenThrows('BAD_USER_INPUT').details.field,
      ).toBe('name');
    });

    it.each(['bea', 'bea@', 'bea@acme', 'b ea@acme.example'])('rejects the email %p', (email) => {
      expect(spec.given([]).when(register({ email })).thenThrows('BAD_USER_INPUT').details.field).toBe('email');
    });

    it('rejects an unknown role', () => {
      expect(
        spec
          .given([])
          .when(register({ role: 'CEO' as never }))
          .thenThrows('BAD_USER_INPUT').details.field,
      ).toBe('role');
    });

    it('lets only a MANAGER register someone who can approve scope (FORBIDDEN, authorityByManager)', () => {
      const error = spec
        .given([])
        .when(register({ actorRole: 'DEVELOPER' }))
        .thenThrows('FORBIDDEN', 'authorityByManager');
      expect(error.message).toContain('canApproveScope');
      const withoutAuthority = contactsDecider.decide(
        register({ actorRole: 'DEVELOPER', canApproveScope: false }),
        contactsDecider.initialState(),
      );
      expect(withoutAuthority[0]!.data).toMatchObject({ canApproveScope: false });
    });

    it('cannot register the same contact twice', () => {
      spec.given([registered]).when(register()).thenThrows('RULE_VIOLATED', 'alreadyExists');
    });
  });

  describe('ForgetContact', () => {
    it('forgets a contact, keeping its project', () => {
      spec
        .given([registered])
        .when(forget({ reason: '  GDPR request ' }))
        .then([forgotten]);
    });

    it('shreds the personal data in state', () => {
      const state = foldEvents(contactsDecider, [registered, forgotten]);
      expect(state.forgotten).toBe(true);
      expect(state.name).toBe(FORGOTTEN);
      expect(state.email).toBeUndefined();
      expect(state.organisation).toBeUndefined();
      expect(state.department).toBeUndefined();
      expect(state.projectId).toBe('p-1');
    });

    it('requires a reason', () => {
      expect(
        spec
          .given([registered])
          .when(forget({ reason: '' }))
          .thenThrows('BAD_USER_INPUT').details.field,
      ).toBe('reason');
    });

    it('reports a contact that was never registered', () => {
      expect(spec.given([]).when(forget()).thenThrows('NOT_FOUND').details).toEqual({ entity: 'Contact', id: 'c-1' });
    });
  });

  describe('a forgotten contact is final', () => {
    it.each([forget(), register()])('%p is refused', (command) => {
      spec.given([registered, forgotten]).when(command).thenThrows('RULE_VIOLATED', 'finalState', 'contactId');
    });
  });
});
