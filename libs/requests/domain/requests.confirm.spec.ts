import { foldEvents } from '@cf/core';
import type { RaiseRequest } from './requests.commands.js';
import type { RequestRaised } from './requests.events.js';
import { requestsDecider } from './requests.decide.js';
import { P, actor, at, confirm, confirmed, later, proxied, raise, raised, session, spec, withdrawn } from './requests.spec-fixtures.js';

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
      .thenThrows('RULE_VIOLATED', 'sessionNotVoided', 'sessionId');
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
      .thenThrows('RULE_VIOLATED', 'confirmationNamesSession', 'sessionId');
    spec
      .given([proxied])
      .when(confirm({ session: null }))
      .thenThrows('NOT_FOUND');
    spec
      .given([proxied])
      .when(confirm({ session: { ...session, projectId: 'p-2' } }))
      .thenThrows('NOT_FOUND');
    spec
      .given([proxied])
      .when(confirm({ session: { ...session, voided: true } }))
      .thenThrows('RULE_VIOLATED', 'sessionNotVoided', 'sessionId');
    spec
      .given([proxied])
      .when(confirm({ session: { ...session, contactIds: ['contact-2'] } }))
      .thenThrows('RULE_VIOLATED', 'requesterAttendedSession', 'sessionId');
    spec
      .given([proxied])
      .when(confirm({ session: { ...session, date: '2025-02-28' } }))
      .thenThrows('RULE_VIOLATED', 'sessionOnOrAfterRaise', 'sessionId');
    spec
      .given([proxied])
      .when(confirm({ session: { ...session, date: '2025-03-01' } }))
      .then([confirmed]);
  });

  it('confirms again only with other evidence, never a withdrawn or unknown request, and checks the priority', () => {
    spec.given([proxied, confirmed]).when(confirm()).thenThrows('RULE_VIOLATED', 'alreadyConfirmed', 'sessionId');
    // The session of the first may be voided later: another session's confirmation is evidence of its own.
    const inSession3 = { sessionId: 'session-3', session: { ...session, id: 'session-3' }, confirmedPriority: undefined };
    spec
      .given([proxied, confirmed])
      .when(confirm(inSession3))
      .then([{ type: 'RequestConfirmed', data: { ...confirmed.data, sessionId: 'session-3', confirmedPriority: undefined } }]);
    const again = { ...confirmed, data: { ...confirmed.data, sessionId: 'session-3', confirmedPriority: undefined, at: '2025-03-03' } };
    expect(foldEvents(requestsDecider, [proxied, confirmed, again])).toMatchObject({ confirmedAt: later, confirmedPriority: 'MEDIUM' });
    // More evidence never restates the priority the requester confirmed.
    spec
      .given([proxied, confirmed])
      .when(confirm({ ...inSession3, confirmedPriority: 'HIGH' }))
      .thenThrows('RULE_VIOLATED', 'priorityConfirmed', 'confirmedPriority');
    const byMember = confirm({ sessionId: undefined, session: undefined, confirmer: { role: 'CUSTOMER', contactId: 'contact-1' } });
    const memberConfirmed = spec.given([proxied, confirmed]).when(byMember);
    memberConfirmed.then([{ type: 'RequestConfirmed', data: { ...confirmed.data, via: 'CUSTOMER_MEMBER', sessionId: undefined } }]);
    const byMemberEvent = { ...confirmed, data: { ...confirmed.data, via: 'CUSTOMER_MEMBER' as const, sessionId: undefined } };
    spec.given([proxied, byMemberEvent]).when(byMember).thenThrows('RULE_VIOLATED', 'alreadyConfirmed');
    spec.given([proxied, withdrawn]).when(confirm()).thenThrows('RULE_VIOLATED', 'finalState', 'requestId');
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

  it('refuses to confirm a DIRECT request in the session it was asked in: that is the same evidence', () => {
    const inItsSession = confirm({ sessionId: 'session-1', session: { ...session, id: 'session-1', date: '2025-03-01' } });
    expect(spec.given([raised]).when(inItsSession).thenThrows('RULE_VIOLATED', 'alreadyConfirmed', 'sessionId').message).toBe(
      'The requester asked for the request in session session-1 already: a confirmation must be other evidence',
    );
  });

  it('takes a WRITTEN request confirmed by its CUSTOMER member: judged with the authority they have then, with the priority they state', () => {
    const written: RequestRaised = { ...raised, data: { ...raised.data, channel: 'WRITTEN', sessionId: undefined } };
    const byMember = confirm({ sessionId: undefined, session: undefined, confirmer: { role: 'CUSTOMER', contactId: 'contact-1' } });
    spec
      .given([written])
      .when(byMember)
      .then([{ type: 'RequestConfirmed', data: { ...confirmed.data, via: 'CUSTOMER_MEMBER', sessionId: undefined } }]);
  });
});
