import { requirementsDecider } from './requirements.decide.js';
import { requirementIdOfKey } from './requirements.input.js';
import { initialState } from './requirements.state.js';
import { add, added, request, session, spec } from './requirements.spec-fixtures.js';

describe('AddRequirement', () => {
  it('adds a requirement as revision 1 with an internal trigger', () => {
    spec.given([]).when(add()).then([added]);
  });

  it('records a session as the trigger', () => {
    spec
      .given([])
      .when(add(session))
      .then([{ type: 'RequirementAdded', data: { ...added.data, trigger: { kind: 'SESSION', sessionId: 'session-1' } } }]);
  });

  it('records a request and its channel as the trigger', () => {
    spec
      .given([])
      .when(add(request))
      .then([{ type: 'RequirementAdded', data: { ...added.data, trigger: { kind: 'REQUEST', requestId: 'req-1', channel: 'PROXY' } } }]);
  });

  it('lets a session (first-hand) win over a request, keeping the request', () => {
    spec
      .given([])
      .when(add({ ...request, ...session }))
      .then([
        { type: 'RequirementAdded', data: { ...added.data, trigger: { kind: 'SESSION', sessionId: 'session-1', requestId: 'req-1' } } },
      ]);
  });

  it('refuses a voided session as the trigger', () => {
    spec
      .given([])
      .when(add({ sessionId: 'session-1', session: { id: 'session-1', projectId: 'project-1', voided: true } }))
      .thenThrows('RULE_VIOLATED', 'sessionNotVoided', 'sessionId');
  });

  it('trims key and title, keeps the text as written, accepts zero hours', () => {
    const text = '  As CSV:\n  - one row per invoice\n';
    const [event] = requirementsDecider.decide(add({ key: ' R-1.a_2 ', title: ' Export ', text, estimateHours: 0 }), initialState());
    expect(event!.data).toMatchObject({ key: 'R-1.a_2', title: 'Export', text, estimateHours: 0 });
  });

  it('refuses to add a requirement twice: its id follows from its key, so the key is taken', () => {
    spec.given([added]).when(add()).thenThrows('RULE_VIOLATED', 'requirementKeyUnique', 'key');
  });

  it('refuses a key the project already uses', () => {
    spec
      .given([])
      .when(add({ keyTaken: true }))
      .thenThrows('RULE_VIOLATED', 'requirementKeyUnique', 'key');
  });

  it('says which letters and digits a key may hold: a letter or digit of another script is refused', () => {
    for (const key of ['R-é', 'R٣']) {
      expect(spec.given([]).when(add({ key })).thenThrows('BAD_USER_INPUT', undefined, 'key').message).toBe(
        'key: may hold only the letters A–Z and a–z, the digits 0–9, dots, dashes and underscores',
      );
    }
  });

  it.each([
    ['an empty key', { key: '  ' }, 'key'],
    ['a key over 40 characters', { key: 'K'.repeat(41) }, 'key'],
    ['a key with spaces', { key: 'R 1' }, 'key'],
    ['a key with other signs', { key: 'R#1' }, 'key'],
    ['an empty title', { title: '' }, 'title'],
    ['a title over 200 characters', { title: 't'.repeat(201) }, 'title'],
    ['an empty text', { text: '' }, 'text'],
    ['a text of white space only', { text: ' \n\t ' }, 'text'],
    ['a text of invisible characters only', { text: '\u200b' }, 'text'],
    ['a text over 20000 characters', { text: 'x'.repeat(20001) }, 'text'],
    ['negative hours', { estimateHours: -0.5 }, 'estimateHours'],
    ['hours that are not a number', { estimateHours: Number.POSITIVE_INFINITY }, 'estimateHours'],
  ])('refuses %s', (_name, overrides, field) => {
    expect(spec.given([]).when(add(overrides)).thenThrows('BAD_USER_INPUT').details.field).toBe(field);
  });

  it.each([
    ['request', { requestId: 'req-9', request: null }, 'Request', 'req-9', 'requestId'],
    ['session', { sessionId: 'session-9', session: null }, 'ContactSession', 'session-9', 'sessionId'],
    ['session next to a request', { ...request, sessionId: 'session-9' }, 'ContactSession', 'session-9', 'sessionId'],
  ])('reports a missing %s, naming the field', (_name, overrides, entity, id, field) => {
    expect(spec.given([]).when(add(overrides)).thenThrows('NOT_FOUND').details).toEqual({ entity, id, field });
  });

  it.each([
    ['request', { requestId: 'req-1', request: { id: 'req-1', projectId: 'other', channel: 'DIRECT' as const } }],
    ['session', { sessionId: 'session-1', session: { id: 'session-1', projectId: 'other' } }],
  ])('refuses a %s of another project', (_name, overrides) => {
    spec.given([]).when(add(overrides)).thenThrows('NOT_FOUND');
  });
});

describe('requirementIdOfKey', () => {
  it('gives a key one id in a project, whatever its case and surrounding spaces, and another id in another project', () => {
    const id = requirementIdOfKey('a'.repeat(64), 'R-1');
    expect(requirementIdOfKey('a'.repeat(64), ' r-1 ')).toBe(id);
    expect(requirementIdOfKey('b'.repeat(64), 'R-1')).not.toBe(id);
    expect(requirementIdOfKey('a'.repeat(64), 'R-2')).not.toBe(id);
  });
});
