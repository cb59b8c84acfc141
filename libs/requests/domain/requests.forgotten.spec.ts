import { confirm, proxied, raise, requester, spec } from './requests.spec-fixtures.js';

/** A contact whose personal data was erased is named by no new event: not as requester, relay, nor in a confirmation. */
describe('a forgotten contact', () => {
  const forgotten = { ...requester, forgotten: true };

  it('is refused as the requester or the relay of a new request, naming the field', () => {
    const asRequester = spec
      .given([])
      .when(raise({ requestedBy: forgotten }))
      .thenThrows('RULE_VIOLATED', 'contactNotForgotten');
    expect(asRequester.details.field).toBe('requestedById');
    const relay = { id: 'contact-2', projectId: requester.projectId, role: 'PROXY' as const, forgotten: true };
    const relayed = raise({ channel: 'PROXY', sessionId: undefined, session: undefined, relayedById: 'contact-2', relayedBy: relay });
    const asRelay = spec.given([]).when(relayed).thenThrows('RULE_VIOLATED', 'contactNotForgotten');
    expect(asRelay.details.field).toBe('relayedById');
  });

  it('is refused as the requester a confirmation names, by the team or by their own CUSTOMER login', () => {
    const byTeam = spec
      .given([proxied])
      .when(confirm({ requester: forgotten }))
      .thenThrows('RULE_VIOLATED', 'contactNotForgotten');
    expect(byTeam.details.field).toBe('requestId');
    const asThemselves = { sessionId: undefined, session: undefined, confirmer: { role: 'CUSTOMER' as const, contactId: 'contact-1' } };
    spec
      .given([proxied])
      .when(confirm({ ...asThemselves, requester: forgotten }))
      .thenThrows('RULE_VIOLATED', 'contactNotForgotten');
  });
});
