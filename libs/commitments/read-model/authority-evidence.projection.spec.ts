import { projectionSpecification } from '@test/projection-specification.js';
import type { ReadModelDb } from '@cf/event-store';
import { made } from './commitments.projection.spec-fixtures.js';
import { commitmentsProjection } from './commitments.projection.js';

/** Boss can approve scope; r1 is asked DIRECT in s1, which Boss attended; c1 is made on r1 and judged asked with authority. */
const opened = { stream: 'project-p1', type: 'ProjectOpened', data: { projectId: 'p1', budgetHours: 100 } };
const boss = { stream: 'contact-k1', type: 'ContactRegistered', data: { contactId: 'k1', name: 'Boss', canApproveScope: true } };
/** Sessions are on the day the requests are raised, unless `date` says otherwise. */
const RAISED_AT = '2026-03-02T09:00:00.000Z';
const session = (sessionId: string, contactIds: string[]) => ({
  stream: `session-${sessionId}`,
  type: 'ContactSessionLogged',
  data: { sessionId, projectId: 'p1', contactIds, date: '2026-03-02' },
});
const corrected = (sessionId: string, change: { voided?: boolean; contactIds?: string[]; date?: string }) => ({
  stream: `session-${sessionId}`,
  type: 'ContactSessionCorrected',
  data: { sessionId, projectId: 'p1', reason: 'Wrong in the log', changes: [], ...change },
});
const raised = (requestId: string, channel: string, sessionId?: string) => ({
  stream: `request-${requestId}`,
  type: 'RequestRaised',
  data: {
    requestId,
    projectId: 'p1',
    channel,
    requestedById: 'k1',
    ...(sessionId ? { sessionId } : {}),
    requirementIds: [],
    at: RAISED_AT,
  },
});
const confirmed = (requestId: string, sessionId: string) => ({
  stream: `request-${requestId}`,
  type: 'RequestConfirmed',
  data: { requestId, projectId: 'p1', contactId: 'k1', via: 'SESSION', sessionId },
});
const madeOn = (requestId: string) => {
  const event = made([requestId]);
  return { ...event, data: { ...event.data, madeToCouldApproveScope: false } };
};

/** Whether r1 has authority today, and c1's flag as made and as it stands. */
const authorityOf = async (db: ReadModelDb) => ({
  request: (
    await db.selectFrom('commitment_request_authority').select('asked_with_authority').where('request_id', '=', 'r1').executeTakeFirst()
  )?.asked_with_authority,
  commitment: await db
    .selectFrom('commitments')
    .select(['asked_with_authority', 'requested_without_authority', 'current_requested_without_authority'])
    .where('id', '=', 'c1')
    .executeTakeFirst(),
});
const withAuthority = {
  request: 1,
  commitment: { asked_with_authority: 1, requested_without_authority: 0, current_requested_without_authority: 0 },
};
const withoutItToday = {
  request: 0,
  commitment: { asked_with_authority: 0, requested_without_authority: 0, current_requested_without_authority: 1 },
};

describe('the commitments projection: first-hand evidence rests on its session', () => {
  const spec = projectionSpecification(commitmentsProjection);
  const direct = [opened, boss, session('s1', ['k1']), raised('r1', 'DIRECT', 's1'), madeOn('r1')];
  const expectAuthority = (expected: unknown) => async (db: ReadModelDb) => expect(await authorityOf(db)).toEqual(expected);

  it('judges a DIRECT request asked with authority while its session stands', () =>
    spec.given(direct).when([]).then({}, expectAuthority(withAuthority)));

  it('takes it away today, not as made, when the session is voided', () =>
    spec
      .given(direct)
      .when([corrected('s1', { voided: true })])
      .then({}, expectAuthority(withoutItToday)));

  it('takes it away when the requester turns out not to have attended', () =>
    spec
      .given(direct)
      .when([corrected('s1', { contactIds: ['k2'] })])
      .then({}, expectAuthority(withoutItToday)));

  it('gives it back when the voided session is put right', () =>
    spec
      .given([...direct, corrected('s1', { voided: true })])
      .when([corrected('s1', { voided: false })])
      .then({}, expectAuthority(withAuthority)));

  const proxy = [opened, boss, session('s1', ['k1']), session('s2', ['k1']), raised('r1', 'PROXY')];

  it('takes a PROXY confirmation away with its session', () =>
    spec
      .given([...proxy, confirmed('r1', 's1'), madeOn('r1')])
      .when([corrected('s1', { voided: true })])
      .then({}, expectAuthority(withoutItToday)));

  const movedBack = [...proxy, confirmed('r1', 's1'), madeOn('r1'), corrected('s1', { date: '2026-03-01' })];

  it('takes a confirmation away when its session is corrected to before the request was raised', () =>
    spec.given(movedBack).when([]).then({}, expectAuthority(withoutItToday)));

  it('gives it back when the session is put on or after that day', () =>
    spec
      .given(movedBack)
      .when([corrected('s1', { date: '2026-03-05' })])
      .then({}, expectAuthority(withAuthority)));

  it('keeps a DIRECT request asked in a session logged with an earlier date: the ask is not a confirmation', () =>
    spec
      .given(direct)
      .when([corrected('s1', { date: '2026-02-01' })])
      .then({}, expectAuthority(withAuthority)));

  it('keeps a request with authority while another of its evidence holds', () =>
    spec
      .given([...proxy, confirmed('r1', 's1'), confirmed('r1', 's2'), madeOn('r1')])
      .when([corrected('s1', { voided: true })])
      .then({}, expectAuthority(withAuthority)));

  it('leaves the request without authority for the commitments made after the void', () =>
    spec
      .given([...direct.slice(0, 4), corrected('s1', { voided: true })])
      .when([madeOn('r1')])
      .then({}, async (db) => expect((await authorityOf(db)).request).toBe(0)));

  it('keeps a WRITTEN request with authority whatever happens to sessions', () =>
    spec
      .given([opened, boss, session('s1', ['k1']), raised('r1', 'WRITTEN'), madeOn('r1')])
      .when([corrected('s1', { voided: true })])
      .then({}, expectAuthority(withAuthority)));
});
