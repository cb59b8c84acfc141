import { projectionSpecification } from '@test/projection-specification.js';
import type { ReadModelDb } from '@cf/event-store';
import { dashboardsProjection } from './dashboards.projection.js';

const opened = {
  stream: 'project-p1',
  type: 'ProjectOpened',
  data: { projectId: 'p1', openedBy: { userId: 'ann', name: 'Ann' }, at: '2026-03-01T09:00:00.000Z' },
};
const session = {
  stream: 'session-s1',
  type: 'ContactSessionLogged',
  data: { sessionId: 's1', projectId: 'p1', date: '2026-03-05', days: 1, developers: [{ userId: 'dev-1', name: 'Dev' }], contactIds: [] },
};
const voided = (value: boolean) => ({
  stream: 'session-s1',
  type: 'ContactSessionCorrected',
  data: {
    sessionId: 's1',
    projectId: 'p1',
    reason: 'Logged by mistake',
    changes: [{ field: 'voided', from: !value, to: value }],
    voided: value,
  },
});
const relayed = {
  stream: 'request-q1',
  type: 'RequestRaised',
  data: { requestId: 'q1', projectId: 'p1', channel: 'PROXY', at: '2026-03-04T09:00:00.000Z' },
};
/** R1 revised after what was learned in s1, `withRequest` naming q1 beside it (the session wins: DIRECT). */
const revised = (withRequest: boolean) => ({
  stream: 'requirement-r1',
  type: 'RequirementRevised',
  data: {
    requirementId: 'r1',
    projectId: 'p1',
    trigger: { kind: 'SESSION', sessionId: 's1', ...(withRequest ? { requestId: 'q1' } : {}) },
    at: '2026-03-05T16:00:00.000Z',
  },
});

const churn = async (db: ReadModelDb) =>
  Object.fromEntries(
    (await db.selectFrom('dashboard_counters').select(['counter', 'value']).where('counter', 'like', 'churn.%').execute())
      .filter((row) => Number(row.value) !== 0)
      .map((row) => [row.counter, Number(row.value)]),
  );

describe('the dashboards projection: churn under a voided session', () => {
  const spec = projectionSpecification(dashboardsProjection);

  it('counts a change made after a session as DIRECT while the session stands', () =>
    spec
      .given([opened, session, relayed])
      .when([revised(true)])
      .then({}, async (db) => expect(await churn(db)).toEqual({ 'churn.DIRECT': 1 })));

  it('counts it by the request named with it once the session is voided, and as DIRECT again when put right', async () => {
    await spec
      .given([opened, session, relayed, revised(true)])
      .when([voided(true)])
      .then({}, async (db) => expect(await churn(db)).toEqual({ 'churn.PROXY': 1 }));
    await spec
      .given([opened, session, relayed, revised(true), voided(true)])
      .when([voided(false)])
      .then({}, async (db) => expect(await churn(db)).toEqual({ 'churn.DIRECT': 1 }));
  });

  it('counts it as INTERNAL when no request was named with the voided session', () =>
    spec
      .given([opened, session, revised(false)])
      .when([voided(true)])
      .then({}, async (db) => expect(await churn(db)).toEqual({ 'churn.INTERNAL': 1 })));
});
