import { initialState } from './requests.state.js';
import type { RaiseRequest } from './requests.commands.js';
import { requestsDecider } from './requests.decide.js';
import { P, actor, later, raise, raised, respond, responded, spec } from './requests.spec-fixtures.js';

describe('RaiseRequest', () => {
  it('raises a direct request made in a contact session', () => {
    spec.given([]).when(raise()).then([raised]);
  });

  it('raises a proxy request naming who relayed it', () => {
    spec
      .given([])
      .when(
        raise({
          channel: 'PROXY',
          sessionId: undefined,
          session: undefined,
          relayedById: 'contact-2',
          relayedBy: { id: 'contact-2', projectId: P, role: 'PROXY' },
        }),
      )
      .then([{ type: 'RequestRaised', data: { ...raised.data, channel: 'PROXY', sessionId: undefined, relayedById: 'contact-2' } }]);
  });

  it('raises a written request without session or relay, trims the title and refuses a requirement id named twice', () => {
    const written = { channel: 'WRITTEN', title: '  CSV export  ', sessionId: undefined, session: undefined } as const;
    const [event] = requestsDecider.decide(
      raise({ ...written, requirementIds: ['requirement-1'], requirements: [{ id: 'requirement-1', projectId: P }] }),
      initialState(),
    );
    const twice = { id: 'requirement-1', projectId: P };
    spec
      .given([])
      .when(raise({ ...written, requirementIds: [twice.id, twice.id], requirements: [twice, twice] }))
      .thenThrows('BAD_USER_INPUT', undefined, 'requirementIds');
    expect(event).toEqual({
      type: 'RequestRaised',
      data: { ...raised.data, channel: 'WRITTEN', title: 'CSV export', sessionId: undefined, requirementIds: ['requirement-1'] },
    });
    expect('sessionId' in event!.data).toBe(false);
    expect('relayedById' in event!.data).toBe(false);
  });

  it('refuses a request that already exists', () => {
    spec.given([raised]).when(raise()).thenThrows('RULE_VIOLATED', 'alreadyExists');
  });

  it('names no session on a WRITTEN request, whether the session exists or not', () => {
    spec
      .given([])
      .when(raise({ channel: 'WRITTEN' }))
      .thenThrows('RULE_VIOLATED', 'writtenRequestNamesNoSession');
    spec
      .given([])
      .when(raise({ channel: 'WRITTEN', session: null }))
      .thenThrows('RULE_VIOLATED', 'writtenRequestNamesNoSession');
  });

  it('names a relay only on a PROXY request: a DIRECT or WRITTEN one came from its requester', () => {
    for (const channel of ['DIRECT', 'WRITTEN'] as const) {
      spec
        .given([])
        .when(
          raise({
            channel,
            relayedById: 'contact-2',
            relayedBy: { id: 'contact-2', projectId: P, role: 'PROXY' },
            ...(channel === 'WRITTEN' ? { sessionId: undefined, session: undefined } : {}),
          }),
        )
        .thenThrows('RULE_VIOLATED', 'onlyProxyRequestNamesRelay');
    }
  });

  it.each([
    ['empty title', { title: '   ' }, 'title'],
    ['title over 200 characters', { title: 'x'.repeat(201) }, 'title'],
    ['description over 20000 characters', { description: 'x'.repeat(20001) }, 'description'],
    ['unknown kind', { kind: 'WISH' }, 'kind'],
    ['unknown channel', { channel: 'PIGEON' }, 'channel'],
  ])('refuses an %s', (_name, overrides, field) => {
    const error = spec
      .given([])
      .when(raise(overrides as Partial<RaiseRequest>))
      .thenThrows('BAD_USER_INPUT');
    expect(error.details.field).toBe(field);
  });

  it('accepts a title of exactly 200 characters and an empty description', () => {
    const [event] = requestsDecider.decide(raise({ title: 't'.repeat(200), description: '' }), initialState());
    expect(event!.data).toMatchObject({ title: 't'.repeat(200), description: '' });
  });

  it('refuses a direct request of a contact who did not attend its session: asked first-hand counts for authority', () => {
    const error = spec
      .given([])
      .when(raise({ session: { id: 'session-1', projectId: P, date: '2025-03-01', contactIds: ['contact-2'] } }))
      .thenThrows('RULE_VIOLATED', 'requesterAttendedSession', 'sessionId');
    expect(error.message).toBe('The contact who asked for the request did not attend that session, so could not ask for it there');
  });

  it('records a proxy request in a session only when its relayer attended it', () => {
    const relayed = (contactIds: string[]) =>
      raise({
        channel: 'PROXY',
        relayedById: 'contact-2',
        relayedBy: { id: 'contact-2', projectId: P, role: 'PROXY' },
        session: { id: 'session-1', projectId: P, date: '2025-03-01', contactIds },
      });
    const refused = spec
      .given([])
      .when(relayed(['contact-1']))
      .thenThrows('RULE_VIOLATED', 'relayerAttendedSession');
    expect(refused.details.field).toBe('sessionId');
    spec
      .given([])
      .when(relayed(['contact-2']))
      .then([{ type: 'RequestRaised', data: { ...raised.data, channel: 'PROXY', relayedById: 'contact-2' } }]);
  });

  it('requires a direct request to name its session', () => {
    spec
      .given([])
      .when(raise({ sessionId: undefined, session: undefined }))
      .thenThrows('RULE_VIOLATED', 'directRequestNamesSession');
  });

  it('requires a proxy request to name who relayed it', () => {
    spec
      .given([])
      .when(raise({ channel: 'PROXY' }))
      .thenThrows('RULE_VIOLATED', 'proxyRequestNamesRelay');
  });

  it('refuses a relay who is the requester', () => {
    spec
      .given([])
      .when(raise({ channel: 'PROXY', relayedById: 'contact-1', relayedBy: { id: 'contact-1', projectId: P, role: 'PROXY' } }))
      .thenThrows('RULE_VIOLATED', 'relayIsNotRequester');
  });

  it.each([
    ['requester', { requestedBy: null }, 'Contact', 'contact-1', 'requestedById'],
    ['relay', { channel: 'PROXY', relayedById: 'contact-2', relayedBy: null }, 'Contact', 'contact-2', 'relayedById'],
    ['session', { session: null }, 'ContactSession', 'session-1', 'sessionId'],
    ['requirement', { requirements: [null] }, 'Requirement', 'requirement-1', 'requirementIds'],
  ])('reports a missing %s, naming the field', (_name, overrides, entity, id, field) => {
    const error = spec
      .given([])
      .when(raise(overrides as Partial<RaiseRequest>))
      .thenThrows('NOT_FOUND');
    expect(error.details).toEqual({ entity, id, field });
  });

  it.each([
    ['requester', { requestedBy: { id: 'contact-1', projectId: 'other', canApproveScope: false, role: 'END_USER' } }],
    ['relay', { channel: 'PROXY', relayedById: 'contact-2', relayedBy: { id: 'contact-2', projectId: 'other', role: 'PROXY' } }],
    ['session', { session: { id: 'session-1', projectId: 'other' } }],
    ['requirement', { requirements: [{ id: 'requirement-1', projectId: 'other' }] }],
  ])('refuses a %s of another project', (_name, overrides) => {
    spec
      .given([])
      .when(raise(overrides as Partial<RaiseRequest>))
      .thenThrows('NOT_FOUND');
  });
});

describe('RespondToRequest', () => {
  it('records a response with the responder', () => {
    spec
      .given([raised])
      .when(respond())
      .then([
        {
          type: 'RequestResponded',
          data: { requestId: 'req-1', projectId: P, stance: 'ACCEPT', message: 'We will do it', respondedBy: actor, at: later },
        },
      ]);
  });

  it('records an estimate with its hours, zero included', () => {
    spec
      .given([raised, responded])
      .when(respond({ stance: 'ESTIMATE', message: 'About a day', estimateHours: 0 }))
      .then([
        {
          type: 'RequestResponded',
          data: {
            requestId: 'req-1',
            projectId: P,
            stance: 'ESTIMATE',
            message: 'About a day',
            estimateHours: 0,
            respondedBy: actor,
            at: later,
          },
        },
      ]);
  });

  it('keeps the hours another stance names: an alternative often says what it would take', () => {
    spec
      .given([raised])
      .when(respond({ stance: 'PROPOSE_ALTERNATIVE', message: 'A CSV export instead', estimateHours: 6 }))
      .then([
        {
          type: 'RequestResponded',
          data: {
            requestId: 'req-1',
            projectId: P,
            stance: 'PROPOSE_ALTERNATIVE',
            message: 'A CSV export instead',
            estimateHours: 6,
            respondedBy: actor,
            at: later,
          },
        },
      ]);
  });

  it('requires an estimate to name its hours', () => {
    spec
      .given([raised])
      .when(respond({ stance: 'ESTIMATE' }))
      .thenThrows('RULE_VIOLATED', 'estimateNamesHours', 'estimateHours');
  });

  it.each([
    ['an empty message', { message: ' ' }, 'message'],
    ['negative hours', { stance: 'ESTIMATE', estimateHours: -1 }, 'estimateHours'],
    ['hours that are not a number', { estimateHours: Number.NaN }, 'estimateHours'],
    ['an unknown stance', { stance: 'SHRUG' }, 'stance'],
  ])('refuses %s', (_name, overrides, field) => {
    expect(spec.given([raised]).when(respond(overrides)).thenThrows('BAD_USER_INPUT').details.field).toBe(field);
  });

  it('reports a request that does not exist', () => {
    expect(spec.given([]).when(respond()).thenThrows('NOT_FOUND').details).toEqual({ entity: 'Request', id: 'req-1' });
  });
});
