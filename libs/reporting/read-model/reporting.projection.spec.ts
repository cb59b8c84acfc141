import { projectionSpecification } from '@test/projection-specification.js';
import { reportingProjection } from './reporting.projection.js';

const stream = 'status-q1';
const subject = { subjectId: 'q1', subjectType: 'REQUIREMENT', projectId: 'p1', title: 'R1: Upload' };
const reported = (reportId: string, toldToId: string, at: string) => ({
  stream,
  type: 'StatusReported',
  data: {
    ...subject,
    reportId,
    toldStatus: 'ON_TRACK',
    toldPercentComplete: 50,
    toldToId,
    message: 'Fine.',
    reportedBy: { userId: 'u-1', name: 'Una' },
    at,
  },
});
const assessed = (actualStatus: string) => ({
  stream,
  type: 'StatusAssessed',
  data: {
    ...subject,
    actualStatus,
    actualPercentComplete: 45,
    note: 'Checked.',
    assessedBy: { userId: 'u-2', name: 'Jonas' },
    at: '2026-03-04T00:00:00.000Z',
  },
});
const report = (reportId: string, toldToId: string, at: string, seq: number) => ({
  report_id: reportId,
  subject_id: 'q1',
  project_id: 'p1',
  title: 'R1: Upload',
  told_status: 'ON_TRACK',
  told_percent: 50,
  told_to_id: toldToId,
  message: 'Fine.',
  told_at: at,
  agrees: null,
  acknowledgement_note: null,
  acknowledged_at: null,
  seq,
});

describe('the reporting projection', () => {
  const spec = projectionSpecification(reportingProjection);

  it('judges a gap for every contact told when the subject is found at risk, and counts them per project', () =>
    spec
      .given([reported('s1', 'k1', '2026-03-02T00:00:00.000Z'), reported('s2', 'k2', '2026-03-03T00:00:00.000Z')])
      .when([assessed('AT_RISK')])
      .then({
        status_subjects: [
          {
            subject_id: 'q1',
            project_id: 'p1',
            subject_type: 'REQUIREMENT',
            title: 'R1: Upload',
            actual_status: 'AT_RISK',
            actual_percent: 45,
            assessed_at: '2026-03-04T00:00:00.000Z',
            seq: 1,
          },
        ],
        status_reports: [report('s1', 'k1', '2026-03-02T00:00:00.000Z', 1), report('s2', 'k2', '2026-03-03T00:00:00.000Z', 2)],
        perception_gaps: [
          { subject_id: 'q1', told_to_id: 'k1', project_id: 'p1', report_id: 's1', gap: 1, seq: 1 },
          { subject_id: 'q1', told_to_id: 'k2', project_id: 'p1', report_id: 's2', gap: 1, seq: 2 },
        ],
        perception_gap_counts: [{ project_id: 'p1', gaps: 2 }],
      }));

  it("closes a gap when the subject is back on track, in the same page, and keeps a contact's latest report only", () =>
    spec
      .given([])
      .when([
        reported('s1', 'k1', '2026-03-02T00:00:00.000Z'),
        assessed('AT_RISK'),
        reported('s3', 'k1', '2026-03-05T00:00:00.000Z'),
        assessed('ON_TRACK'),
      ])
      .then({
        perception_gaps: [{ subject_id: 'q1', told_to_id: 'k1', project_id: 'p1', report_id: 's3', gap: 0, seq: 1 }],
        perception_gap_counts: [{ project_id: 'p1', gaps: 0 }],
      }));

  it("takes a forgotten contact's gap off the list and the count, keeping the report, and judges later assessments without it", () =>
    spec
      .given([reported('s1', 'k1', '2026-03-02T00:00:00.000Z'), reported('s2', 'k2', '2026-03-03T00:00:00.000Z'), assessed('AT_RISK')])
      .when([
        { stream: 'contact-k1', type: 'ContactForgotten', data: { contactId: 'k1', projectId: 'p1', reason: 'Asked to be forgotten' } },
        assessed('BLOCKED'),
      ])
      .then({
        status_reports: [report('s1', 'k1', '2026-03-02T00:00:00.000Z', 1), report('s2', 'k2', '2026-03-03T00:00:00.000Z', 2)],
        perception_gaps: [{ subject_id: 'q1', told_to_id: 'k2', project_id: 'p1', report_id: 's2', gap: 1, seq: 2 }],
        perception_gap_counts: [{ project_id: 'p1', gaps: 1 }],
      }));

  it('follows a rename of the subject, by its requirement or its request, and keeps the title each report was made under', () =>
    spec
      .given([reported('s1', 'k1', '2026-03-02T00:00:00.000Z'), assessed('AT_RISK')])
      .when([
        { stream: 'requirement-q1', type: 'RequirementRevised', data: { requirementId: 'q1', projectId: 'p1', title: 'Bulk upload' } },
        {
          stream: 'requirement-q9',
          type: 'RequirementRevised',
          data: { requirementId: 'q9', projectId: 'p1', title: 'Never reported on' },
        },
        {
          stream: 'request-q1',
          type: 'RequestRevised',
          data: { requestId: 'q1', projectId: 'p1', changes: [{ field: 'description', from: 'a', to: 'b' }] },
        },
      ])
      .then({
        status_subjects: [
          {
            subject_id: 'q1',
            project_id: 'p1',
            subject_type: 'REQUIREMENT',
            title: 'R1: Bulk upload',
            actual_status: 'AT_RISK',
            actual_percent: 45,
            assessed_at: '2026-03-04T00:00:00.000Z',
            seq: 1,
          },
        ],
        status_reports: [report('s1', 'k1', '2026-03-02T00:00:00.000Z', 1)],
      }));
});
