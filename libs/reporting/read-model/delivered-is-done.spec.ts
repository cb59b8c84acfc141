import { projectionSpecification } from '@test/projection-specification.js';
import { reportingProjection } from './reporting.projection.js';
import { assessed, decided, reported } from './commitment-c1.spec-fixtures.js';

const delivered = decided('CommitmentDelivered', 'Shipped');
/** The commitment as its delivery leaves it: DONE at 100 %, titled by its first report. */
const doneSubject = {
  subject_id: 'c1',
  project_id: 'p1',
  subject_type: 'COMMITMENT',
  title: 'OCR import',
  actual_status: 'DONE',
  actual_percent: 100,
  assessed_at: '2026-03-05T00:00:00.000Z',
  seq: 1,
};
/** `seq`: the position of the report that opened the row. */
const gap = (value: number, seq: number) => ({ subject_id: 'c1', told_to_id: 'k1', project_id: 'p1', report_id: 's1', gap: value, seq });

/** A delivered commitment is DONE at 100 % by the ledger's own record: telling the customer so opens no gap. */
describe('the reporting projection: a delivery is the real state', () => {
  const spec = projectionSpecification(reportingProjection);

  it('holds a report of DONE against the delivery, not against an assessment made while the work went on', () =>
    spec
      .given([assessed('AT_RISK', 40, '2026-03-02T00:00:00.000Z')])
      .when([delivered, reported('s1', 'DONE', 100)])
      .then({
        status_subjects: [doneSubject],
        perception_gaps: [gap(0, 3)],
        perception_gap_counts: [], // never a gap: never counted
      }));

  it('closes a gap already open when the commitment is delivered', () =>
    spec
      .given([reported('s1', 'DONE', 100), assessed('AT_RISK', 40, '2026-03-02T00:00:00.000Z')])
      .when([delivered])
      .then({ perception_gaps: [gap(0, 1)], perception_gap_counts: [{ project_id: 'p1', gaps: 0 }] }));

  it('holds reports against a delivery nobody had reported on or assessed, titled by the first report', () =>
    spec
      .given([delivered])
      .when([reported('s1', 'DONE', 100)])
      .then({
        status_subjects: [doneSubject],
        perception_gaps: [gap(0, 2)],
      }));

  it('lets an assessment after the delivery be the newer word: a delivery found broken', () =>
    spec
      .given([delivered, reported('s1', 'DONE', 100)])
      .when([assessed('BLOCKED', 60, '2026-03-07T00:00:00.000Z')])
      .then({ perception_gaps: [gap(1, 2)], perception_gap_counts: [{ project_id: 'p1', gaps: 1 }] }));
});
