import { foldEvents } from '@cf/core';
import type { ConfirmRequest, RaiseRequest } from './requests.commands.js';
import { requestsDecider, type Command } from './requests.decide.js';
import type { RequestConfirmed, RequestRaised } from './requests.events.js';
import { P, actor, at, later, raise, raised, spec, withdrawn } from './requests.spec-fixtures.js';

const { sessionId: _inSession, ...raisedData } = raised.data;
const proxied: RequestRaised = {
  type: 'RequestRaised',
  data: { ...raisedData, channel: 'PROXY', relayedById: 'contact-2', statedPriority: 'CRITICAL' },
};
const session = { id: 'session-2', projectId: P, date: '2025-03-02', contactIds: ['contact-1', 'contact-3'], voided: false };
const confirm = (overrides: Partial<ConfirmRequest> = {}): Command => ({
  type: 'ConfirmRequest',
  requestId: 'req-1',
  sessionId: 'session-2',
  session,
  confirmedPriority: 'MEDIUM',
  note: 'Wanted, but not urgent',
  confirmer: { role: 'DEVELOPER', contactId: null },
  at: later,
  actor,
  ...overrides,
});
const confirmed: RequestConfirmed = {
  type: 'RequestConfirmed',
  data: {
    requestId: 'req-1',
    projectId: P,
    contactId: 'contact-1',
    via: 'SESSION',
    sessionId: 'session-2',
    confirmedPriority: 'MEDIUM',
    note: 'Wanted, but not urgent',
    confirmedBy: actor,
    at: later,
  },
};

describe('RaiseRequest with a stated priority', () => {
  it('keeps the priority as relayed, and refuses an unknown one', () => {
    const proxy: Partial<RaiseRequest> = {
      channel: 'PROXY',
      sessionId: undefined,
      session: undefined,
      relayedById: 'contact-2',
      relayedBy: { id: 'contact-2', projectId: P, role: 'PROXY' },
      statedPriority: 'CRITICAL',
    };
    spec.given([]).when(raise(proxy)).then([proxied]);
    expect(
      spec
        .given([])
        .when(raise({ ...proxy, statedPriority: 'URGENT' as never }))
        .thenThrows('BAD_USER_INPUT').details.field,
    ).toBe('statedPriority');
  });

  it('refuses a DIRECT request in a voided session', () => {
    spec
      .given([])
      .when(raise({ session: { id: 'session-1', projectId: P, date: '2025-03-01', contactIds: ['contact-1'], voided: true } }))
      .thenThrows('RULE_VIOLATED', 'sessionNotVoided');
  });

  it('counts DIRECT and WRITTEN requests as asked first-hand when raised, a PROXY one not yet', () => {
    expect(foldEvents(requestsDecider, [raised])).toMatchObject({ firstHandAt: at, confirmedAt: null });
    expect(foldEvents(requestsDecider, [proxied])).toMatchObject({ firstHandAt: null, statedPriority: 'CRITICAL' });
  });
});

describe('ConfirmRequest', () => {
  it('records a confirmation the requester gave in a session they attended', () => {
    spec.given([proxied]).when(confirm()).then([confirmed]);
    expect(foldEvents(requestsDecider, [proxied, confirmed])).toMatchObject({
      firstHandAt: later,
      confirmedAt: later,
      confirmedPriority: 'MEDIUM',
      statedPriority: 'CRITICAL',
      revision: 2,
    });
  });

  it('records the CUSTOMER member linked to the requester confirming as themselves', () => {
    const byCustomer = confirm({
      sessionId: undefined,
      session: undefined,
      confirmedPriority: undefined,
      note: ' ',
      confirmer: { role: 'CUSTOMER', contactId: 'contact-1' },
    });
    spec
      .given([proxied])
      .when(byCustomer)
      .then([
        {
          type: 'RequestConfirmed',
          data: { requestId: 'req-1', projectId: P, contactId: 'contact-1', via: 'CUSTOMER_MEMBER', confirmedBy: actor, at: later },
        },
      ]);
  });

  it("refuses a CUSTOMER confirming another contact's request (FORBIDDEN) or naming a session", () => {
    spec
      .given([proxied])
      .when(confirm({ confirmer: { role: 'CUSTOMER', contactId: 'contact-3' }, sessionId: undefined }))
      .thenThrows('FORBIDDEN', 'confirmedByRequester');
    expect(
      spec
        .given([proxied])
        .when(confirm({ confirmer: { role: 'CUSTOMER', contactId: 'contact-1' } }))
        .thenThrows('BAD_USER_INPUT').details.field,
    ).toBe('sessionId');
  });

  it('needs the team to name a real session of the project, attended by the requester, on or after the day it was raised', () => {
    spec
      .given([proxied])
      .when(confirm({ sessionId: undefined, session: undefined }))
      .thenThrows('RULE_VIOLATED', 'confirmationNamesSession');
    spec
      .given([proxied])
      .when(confirm({ session: null }))
      .thenThrows('NOT_FOUND');
    spec
      .given([proxied])
      .when(confirm({ session: { ...session, projectId: 'p-2' } }))
      .thenThrows('RULE_VIOLATED', 'sameProject');
    spec
      .given([proxied])
      .when(confirm({ session: { ...session, voided: true } }))
      .thenThrows('RULE_VIOLATED', 'sessionNotVoided');
    spec
      .given([proxied])
      .when(confirm({ session: { ...session, contactIds: ['contact-2'] } }))
      .thenThrows('RULE_VIOLATED', 'requesterAttendedSession');
    spec
      .given([proxied])
      .when(confirm({ session: { ...session, date: '2025-02-28' } }))
      .thenThrows('RULE_VIOLATED', 'sessionOnOrAfterRaise');
    spec
      .given([proxied])
      .when(confirm({ session: { ...session, date: '2025-03-01' } }))
      .then([confirmed]);
  });

  it('confirms once, never a withdrawn or unknown request, and checks the priority', () => {
    spec.given([proxied, confirmed]).when(confirm()).thenThrows('RULE_VIOLATED', 'alreadyConfirmed');
    spec.given([proxied, withdrawn]).when(confirm()).thenThrows('RULE_VIOLATED', 'finalState');
    spec.given([]).when(confirm()).thenThrows('NOT_FOUND');
    expect(
      spec
        .given([proxied])
        .when(confirm({ confirmedPriority: 'ASAP' as never }))
        .thenThrows('BAD_USER_INPUT').details.field,
    ).toBe('confirmedPriority');
  });

  it('may confirm a DIRECT request too, which was first-hand from the start', () => {
    const state = foldEvents(requestsDecider, [raised, confirmed]);
    expect(state).toMatchObject({ firstHandAt: at, confirmedAt: later });
  });
});
