import { derivedId, foldEvents } from '@cf/core';
import { specification } from '@test/decider-specification.js';
import { reportingDecider, type AcknowledgeStatus } from './reporting.decide.js';
import type { StatusAcknowledged, StatusReported } from './reporting.events.js';
import { reportIdOf } from './reporting.state.js';

const spec = specification(reportingDecider);
const at = '2025-03-01T10:00:00.000Z';
const later = '2025-03-08T10:00:00.000Z';
const mia = { userId: 'u-mia', name: 'Mia Manager' };
const cora = { userId: 'u-cora', name: 'Cora Customer' };
const facts = { subjectId: 'C1', subjectType: 'COMMITMENT' as const, projectId: 'p-1', title: 'Export invoices as PDF' };
const toSven: StatusReported = {
  type: 'StatusReported',
  data: { reportId: 'r-1', ...facts, toldStatus: 'ON_TRACK', toldToId: 'c-sven', message: 'All well', reportedBy: mia, at },
};
const toErik: StatusReported = {
  type: 'StatusReported',
  data: { ...toSven.data, reportId: 'r-2', toldToId: 'c-erik', toldStatus: 'AT_RISK' },
};

const acknowledge = (overrides: Partial<AcknowledgeStatus> = {}): AcknowledgeStatus => ({
  type: 'AcknowledgeStatus',
  subjectId: 'C1',
  reportId: 'r-1',
  agrees: false,
  note: ' We saw nothing working ',
  acknowledger: { role: 'CUSTOMER', contactId: 'c-sven' },
  at: later,
  actor: cora,
  ...overrides,
});
const disputed: StatusAcknowledged = {
  type: 'StatusAcknowledged',
  data: {
    reportId: 'r-1',
    subjectId: 'C1',
    projectId: 'p-1',
    contactId: 'c-sven',
    agrees: false,
    note: 'We saw nothing working',
    acknowledgedBy: cora,
    at: later,
  },
};

describe('AcknowledgeStatus', () => {
  it('records the contact told agreeing or disputing a report to them', () => {
    spec.given([toSven, toErik]).when(acknowledge()).then([disputed]);
    spec
      .given([toSven])
      .when(acknowledge({ agrees: true, note: undefined }))
      .then([
        {
          type: 'StatusAcknowledged',
          data: { reportId: 'r-1', subjectId: 'C1', projectId: 'p-1', contactId: 'c-sven', agrees: true, acknowledgedBy: cora, at: later },
        },
      ]);
  });

  it('lets them change their mind: a later acknowledgement of the same report', () => {
    spec
      .given([toSven, disputed])
      .when(acknowledge({ agrees: true, note: null }))
      .then([
        {
          type: 'StatusAcknowledged',
          data: { reportId: 'r-1', subjectId: 'C1', projectId: 'p-1', contactId: 'c-sven', agrees: true, acknowledgedBy: cora, at: later },
        },
      ]);
  });

  it('refuses to say again what they said last, naming agrees, and takes a changed note', () => {
    expect(spec.given([toSven, disputed]).when(acknowledge()).thenThrows('BAD_USER_INPUT').details.field).toBe('agrees');
    spec
      .given([toSven, disputed])
      .when(acknowledge({ note: 'Nothing works on Firefox' }))
      .then([{ ...disputed, data: { ...disputed.data, note: 'Nothing works on Firefox' } }]);
  });

  it('is FORBIDDEN to anyone but the CUSTOMER member linked to the contact told', () => {
    spec
      .given([toSven, toErik])
      .when(acknowledge({ acknowledger: { role: 'CUSTOMER', contactId: 'c-erik' } }))
      .thenThrows('FORBIDDEN', 'acknowledgedByContactTold');
    spec
      .given([toSven])
      .when(acknowledge({ acknowledger: { role: 'MANAGER', contactId: null } }))
      .thenThrows('FORBIDDEN', 'acknowledgedByContactTold');
  });

  it('reports an unknown report, and refuses a non-boolean answer', () => {
    expect(
      spec
        .given([toSven])
        .when(acknowledge({ reportId: 'r-9' }))
        .thenThrows('NOT_FOUND').details,
    ).toEqual({ entity: 'StatusReport', id: 'r-9' });
    expect(
      spec
        .given([toSven])
        .when(acknowledge({ agrees: 'no' as never }))
        .thenThrows('BAD_USER_INPUT').details.field,
    ).toBe('agrees');
  });

  it('gives a report recorded before reports had ids one derived from its place in the stream', () => {
    const { reportId: _none, ...old } = toSven.data;
    const derived = derivedId('status-C1@0');
    expect(reportIdOf(old, 0)).toBe(derived);
    expect(foldEvents(reportingDecider, [{ type: 'StatusReported', data: old }]).toldTo).toEqual({ [derived]: 'c-sven' });
    spec
      .given([{ type: 'StatusReported', data: old }])
      .when(acknowledge({ reportId: derived, agrees: true }))
      .then([
        {
          type: 'StatusAcknowledged',
          data: {
            reportId: derived,
            subjectId: 'C1',
            projectId: 'p-1',
            contactId: 'c-sven',
            agrees: true,
            note: 'We saw nothing working',
            acknowledgedBy: cora,
            at: later,
          },
        },
      ]);
  });
});
