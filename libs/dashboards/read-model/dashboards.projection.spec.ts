import { projectionSpecification } from '@test/projection-specification.js';
import { dashboardsProjection } from './dashboards.projection.js';

const registered = {
  stream: 'contact-k1',
  type: 'ContactRegistered',
  data: {
    contactId: 'k1',
    projectId: 'p1',
    name: 'Paula',
    organisation: 'Acme',
    department: 'Claims',
    role: 'END_USER',
    canApproveScope: false,
  },
};
const logged = {
  stream: 'session-s1',
  type: 'ContactSessionLogged',
  data: {
    sessionId: 's1',
    projectId: 'p1',
    date: '2026-03-31',
    days: 1.5,
    kind: 'ON_SITE',
    developers: [{ userId: 'dev-1', name: 'Dev' }],
    contactIds: ['k1'],
    at: '2026-03-31T18:00:00.000Z',
  },
};
const voided = {
  stream: 'session-s1',
  type: 'ContactSessionCorrected',
  data: {
    sessionId: 's1',
    projectId: 'p1',
    reason: 'Did not happen',
    changes: [{ field: 'voided', from: false, to: true }],
    voided: true,
    at: '2026-04-02T09:00:00.000Z',
  },
};
const department = { project_id: 'p1', department_key: '["acme","claims"]', organisation: 'Acme', department: 'Claims', contacts: 1 };
const contact = {
  contact_id: 'k1',
  project_id: 'p1',
  organisation: 'Acme',
  department: 'Claims',
  department_key: '["acme","claims"]',
  department_since: 1,
  forgotten: 0,
};

describe('the dashboards projection', () => {
  const spec = projectionSpecification(dashboardsProjection);

  it("counts a session's days in each month it spans, and its contacts' department as met", () =>
    spec
      .given([registered])
      .when([logged])
      .then({
        dashboard_contact_days: [
          { project_id: 'p1', user_id: 'dev-1', month: '2026-03', days: 1 },
          { project_id: 'p1', user_id: 'dev-1', month: '2026-04', days: 0.5 },
        ],
        dashboard_contacts: [{ ...contact, sessions: 1 }],
        dashboard_departments: [{ ...department, attended: 1 }],
      }));

  it('deletes the months a voided session leaves empty, in the page that logged it', () =>
    spec
      .given([registered])
      .when([logged, voided])
      .then({
        dashboard_contact_days: [],
        dashboard_contacts: [{ ...contact, sessions: 0 }],
        dashboard_departments: [{ ...department, attended: 0 }],
      }));

  /** A second session of Dev's from 31 March (or the same logged twice): the days it shares with s1 count once. */
  const overlapping = (days: number) => ({
    ...logged,
    stream: 'session-s2',
    data: { ...logged.data, sessionId: 's2', days },
  });

  it('counts a calendar day once for a developer, however many of their sessions fall on it', () =>
    spec
      .given([registered, logged])
      .when([overlapping(2.5)])
      .then({
        dashboard_contact_days: [
          { project_id: 'p1', user_id: 'dev-1', month: '2026-03', days: 1 },
          { project_id: 'p1', user_id: 'dev-1', month: '2026-04', days: 1.5 },
        ],
        dashboard_contact_day_parts: [
          { project_id: 'p1', user_id: 'dev-1', date: '2026-03-31', parts: 2 },
          { project_id: 'p1', user_id: 'dev-1', date: '2026-04-01', parts: 1.5 },
          { project_id: 'p1', user_id: 'dev-1', date: '2026-04-02', parts: 0.5 },
        ],
      }));

  it('gives the shared days back to the other session when one of two is voided', () =>
    spec
      .given([registered, logged, overlapping(1)])
      .when([voided])
      .then({
        dashboard_contact_days: [{ project_id: 'p1', user_id: 'dev-1', month: '2026-03', days: 1 }],
        dashboard_contact_day_parts: [{ project_id: 'p1', user_id: 'dev-1', date: '2026-03-31', parts: 1 }],
      }));

  it('deletes a department nobody is left in when its only contact is forgotten', () =>
    spec
      .given([registered, logged])
      .when([{ stream: 'contact-k1', type: 'ContactForgotten', data: { contactId: 'k1', projectId: 'p1' } }])
      .then({
        dashboard_contacts: [
          { ...contact, organisation: null, department: null, department_key: null, department_since: null, sessions: 0, forgotten: 1 },
        ],
        dashboard_departments: [],
      }));
});
