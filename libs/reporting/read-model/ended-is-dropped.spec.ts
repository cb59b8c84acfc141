import { projectionSpecification } from '@test/projection-specification.js';
import { reportingProjection } from './reporting.projection.js';
import { assessed, decided, reported } from './commitment-c1.spec-fixtures.js';

/** An assessment after the end: refused today, but on record in logs from before it was. */
const assessedLater = assessed('BLOCKED', undefined, '2026-03-07T00:00:00.000Z');
const withdrawn = decided('CommitmentWithdrawn', 'Dropped');
/** `seq`: the position of the event that opened the row. */
const droppedSubject = (title: string) => ({
  subject_id: 'c1',
  project_id: 'p1',
  subject_type: 'COMMITMENT',
  title,
  actual_status: 'DROPPED',
  actual_percent: null,
  assessed_at: '2026-03-05T00:00:00.000Z',
  seq: 1,
});

/** What ended is DROPPED by the ledger's own record, whether or not anyone was told of it before. */
describe('the reporting projection: an end is the real state', () => {
  const spec = projectionSpecification(reportingProjection);

  it('remembers the end of a subject nobody was told of, titled by its first report', () =>
    spec
      .given([withdrawn])
      .when([reported('s1', 'DROPPED')])
      .then({
        status_subjects: [droppedSubject('OCR import')],
        perception_gaps: [{ subject_id: 'c1', told_to_id: 'k1', project_id: 'p1', report_id: 's1', gap: 0, seq: 2 }],
        perception_gap_counts: [],
      }));

  it('keeps DROPPED against an assessment recorded after the end, though nobody was told before it', () =>
    spec
      .given([withdrawn, reported('s1', 'DROPPED')])
      .when([assessedLater])
      .then({
        status_subjects: [droppedSubject('OCR import')],
        perception_gaps: [{ subject_id: 'c1', told_to_id: 'k1', project_id: 'p1', report_id: 's1', gap: 0, seq: 2 }],
        perception_gap_counts: [],
      }));
});
