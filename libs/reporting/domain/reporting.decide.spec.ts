import { foldEvents } from '@cf/core';
import { specification } from '@test/decider-specification.js';
import { reportingDecider, type AssessStatus, type ReportStatus } from './reporting.decide.js';
import type { StatusAssessed, StatusReported } from './reporting.events.js';

const spec = specification(reportingDecider);
const at = '2025-03-01T10:00:00.000Z';
const later = '2025-03-08T10:00:00.000Z';
const projectId = 'p-1';
const dan = { userId: 'u-dan', name: 'Dan Developer' };
const mia = { userId: 'u-mia', name: 'Mia Manager' };
const subject = { id: 'C1', projectId, type: 'COMMITMENT' as const, title: 'Export invoices as PDF' };
const subjectFacts = { subjectId: 'C1', subjectType: 'COMMITMENT' as const, projectId, title: 'Export invoices as PDF' };

const report = (overrides: Partial<ReportStatus> = {}): ReportStatus => ({
  type: 'ReportStatus',
  reportId: 'r-1',
  at,
  actor: dan,
  projectId,
  subjectId: 'C1',
  subject,
  toldStatus: 'ON_TRACK',
  toldPercentComplete: 80,
  toldToId: 'c-pat',
  toldTo: { id: 'c-pat', projectId },
  message: 'Nearly there',
  ...overrides,
});
const assess = (overrides: Partial<AssessStatus> = {}): AssessStatus => ({
  type: 'AssessStatus',
  at: later,
  actor: mia,
  projectId,
  subjectId: 'C1',
  subject,
  actualStatus: 'BLOCKED',
  actualPercentComplete: 40,
  note: 'Waiting for the tax rules',
  ...overrides,
});
const reported: StatusReported = {
  type: 'StatusReported',
  data: {
    reportId: 'r-1',
    ...subjectFacts,
    toldStatus: 'ON_TRACK',
    toldPercentComplete: 80,
    toldToId: 'c-pat',
    message: 'Nearly there',
    reportedBy: dan,
    at,
  },
};
const assessed: StatusAssessed = {
  type: 'StatusAssessed',
  data: {
    ...subjectFacts,
    actualStatus: 'BLOCKED',
    actualPercentComplete: 40,
    note: 'Waiting for the tax rules',
    assessedBy: mia,
    at: later,
  },
};

describe('ReportStatus', () => {
  it('records what the customer was told', () => {
    spec
      .given([])
      .when(report({ message: '  Nearly there ' }))
      .then([reported]);
  });

  it('records further reports on the same subject, the percentage being optional', () => {
    const { toldPercentComplete: _omitted, ...withoutPercent } = reported.data;
    spec
      .given([reported])
      .when(report({ toldPercentComplete: undefined }))
      .then([{ type: 'StatusReported', data: withoutPercent }]);
  });

  it('needs the subject and the contact told to exist in the project', () => {
    spec
      .given([])
      .when(report({ subject: null }))
      .thenThrows('NOT_FOUND');
    spec
      .given([])
      .when(report({ toldTo: null }))
      .thenThrows('NOT_FOUND');
    spec
      .given([])
      .when(report({ subject: { ...subject, projectId: 'p-2' } }))
      .thenThrows('NOT_FOUND');
    spec
      .given([])
      .when(report({ toldTo: { id: 'c-pat', projectId: 'p-2' } }))
      .thenThrows('NOT_FOUND');
    spec
      .given([reported])
      .when(report({ projectId: 'p-2', subject: { ...subject, projectId: 'p-2' }, toldTo: { id: 'c-pat', projectId: 'p-2' } }))
      .thenThrows('RULE_VIOLATED', 'sameProject');
    spec
      .given([])
      .when(report({ subject: { ...subject, id: 'C2' } }))
      .thenThrows('RULE_VIOLATED', 'sameSubject');
  });

  it('tells of a subject that ended only that it was DROPPED, and takes no assessment of it', () => {
    const ended = { ...subject, ended: 'withdrawn' };
    spec
      .given([reported])
      .when(report({ subject: ended }))
      .thenThrows('RULE_VIOLATED', 'subjectNotEnded', 'toldStatus');
    spec
      .given([reported])
      .when(report({ subject: ended, toldStatus: 'DROPPED', toldPercentComplete: undefined, message: 'We dropped it' }))
      .then([
        {
          type: 'StatusReported',
          data: { ...reported.data, toldStatus: 'DROPPED', toldPercentComplete: undefined, message: 'We dropped it' },
        },
      ]);
    spec
      .given([reported])
      .when(assess({ subject: ended }))
      .thenThrows('RULE_VIOLATED', 'subjectNotEnded', 'subjectId');
  });

  it('tells DROPPED of nothing that goes on, and assesses nothing as DROPPED: only its end records that', () => {
    spec
      .given([])
      .when(report({ toldStatus: 'DROPPED' }))
      .thenThrows('RULE_VIOLATED', 'onlyEndedIsDropped', 'toldStatus');
    spec
      .given([])
      .when(assess({ actualStatus: 'DROPPED' as never, actualPercentComplete: undefined }))
      .thenThrows('BAD_USER_INPUT', undefined, 'actualStatus');
  });

  it('rejects invalid values', () => {
    spec
      .given([])
      .when(report({ message: ' ' }))
      .thenThrows('BAD_USER_INPUT');
    spec
      .given([])
      .when(report({ toldPercentComplete: 101 }))
      .thenThrows('BAD_USER_INPUT');
    spec
      .given([])
      .when(report({ toldPercentComplete: -1 }))
      .thenThrows('BAD_USER_INPUT');
    spec
      .given([])
      .when(report({ toldPercentComplete: 50.5 }))
      .thenThrows('BAD_USER_INPUT');
    spec
      .given([])
      .when(report({ toldStatus: 'FINE' as never }))
      .thenThrows('BAD_USER_INPUT');
    spec
      .given([])
      .when(report({ toldPercentComplete: 0 }))
      .then([{ type: 'StatusReported', data: { ...reported.data, toldPercentComplete: 0 } }]);
    spec
      .given([])
      .when(report({ toldPercentComplete: 100, toldStatus: 'DONE' }))
      .then([{ type: 'StatusReported', data: { ...reported.data, toldStatus: 'DONE', toldPercentComplete: 100 } }]);
  });
});

describe('AssessStatus', () => {
  it('records the real state, with or without an earlier report', () => {
    spec.given([reported]).when(assess()).then([assessed]);
    spec.given([]).when(assess()).then([assessed]);
  });

  it('needs the subject in the project and valid values', () => {
    spec
      .given([])
      .when(assess({ subject: null }))
      .thenThrows('NOT_FOUND');
    spec
      .given([])
      .when(assess({ subject: { ...subject, projectId: 'p-2' } }))
      .thenThrows('NOT_FOUND');
    spec
      .given([])
      .when(assess({ actualStatus: 'LATE' as never }))
      .thenThrows('BAD_USER_INPUT');
    spec
      .given([])
      .when(assess({ note: '   ' }))
      .thenThrows('BAD_USER_INPUT');
    spec
      .given([])
      .when(assess({ actualPercentComplete: 120 }))
      .thenThrows('BAD_USER_INPUT');
  });

  it('refuses a real state that contradicts itself: DONE is 100 %, NOT_STARTED 0 %', () => {
    for (const [actualStatus, actualPercentComplete] of [
      ['DONE', 10],
      ['NOT_STARTED', 50],
    ] as const) {
      const refused = spec
        .given([])
        .when(assess({ actualStatus, actualPercentComplete }))
        .thenThrows('RULE_VIOLATED', 'statusAgreesWithPercent');
      expect(refused.details.field).toBe('actualPercentComplete');
    }
    spec
      .given([])
      .when(assess({ actualStatus: 'DONE', actualPercentComplete: 100 }))
      .then([{ type: 'StatusAssessed', data: { ...assessed.data, actualStatus: 'DONE', actualPercentComplete: 100 } }]);
  });

  it('keeps the latest report and the latest assessment in the state', () => {
    const newer: StatusReported = { type: 'StatusReported', data: { ...reported.data, toldStatus: 'AT_RISK', at: later } };
    const state = foldEvents(reportingDecider, [reported, assessed, newer]);
    expect(state).toEqual({
      ...subjectFacts,
      toldTo: { 'r-1': 'c-pat' },
      acknowledged: {},
      revision: 3,
      latestReport: {
        toldStatus: 'AT_RISK',
        toldPercentComplete: 80,
        toldToId: 'c-pat',
        message: 'Nearly there',
        reportedBy: dan,
        at: later,
      },
      latestAssessment: {
        actualStatus: 'BLOCKED',
        actualPercentComplete: 40,
        note: 'Waiting for the tax rules',
        assessedBy: mia,
        at: later,
      },
    });
  });
});
