import { type OutboxUnderTest, P, ann, at, event, gapsTold, outboxUnderTest, registered } from './outbox.spec-fixtures.js';

const commitment = { subjectId: 'c-9', subjectType: 'COMMITMENT', projectId: P, title: 'OCR import' };
const requirement = { subjectId: 'q-3', subjectType: 'REQUIREMENT', projectId: P, title: 'R3: Search' };
const reported = (subject: typeof commitment, toldStatus: string) =>
  event('StatusReported', {
    ...subject,
    reportId: `r-${subject.subjectId}-${toldStatus}`,
    toldStatus,
    toldToId: 'k-1',
    message: 'm',
    reportedBy: ann,
    at,
  });
const withdrawn = event('CommitmentWithdrawn', { commitmentId: 'c-9', projectId: P, note: 'Dropped', by: ann, at });

/** PERCEPTION_GAP_OPENED holds what a contact was told against an end as the gap list does (realStateGivenBy). */
describe('the webhook outbox: what ended is dropped', () => {
  let outboxes: OutboxUnderTest;
  beforeEach(async () => {
    outboxes = await outboxUnderTest();
    await outboxes.append('webhook-w1', registered('w1', ['PERCEPTION_GAP_OPENED']));
  });
  afterEach(() => outboxes.close());

  it('tells of a gap when a promise the customer heard is on track is withdrawn, or a requirement removed', async () => {
    await outboxes.append('status-c-9', reported(commitment, 'ON_TRACK'));
    await outboxes.append(`budget-${P}`, withdrawn);
    await outboxes.append('status-q-3', reported(requirement, 'LATE'));
    await outboxes.append(
      'requirement-q-3',
      event('RequirementRemoved', { requirementId: 'q-3', projectId: P, reason: 'Descoped', revision: 2, at }),
    );
    expect(await gapsTold(outboxes)).toEqual(['c-9: told ON_TRACK, really DROPPED', 'q-3: told LATE, really DROPPED']);
  });

  it('tells of no gap once the customer is told it was dropped, and none for an assessment recorded after the end', async () => {
    await outboxes.append(`budget-${P}`, withdrawn);
    await outboxes.append('status-c-9', reported(commitment, 'DROPPED'));
    await outboxes.append(
      'status-c-9',
      event('StatusAssessed', { ...commitment, actualStatus: 'BLOCKED', note: 'n', assessedBy: ann, at }),
    );
    expect(await gapsTold(outboxes)).toEqual([]);
  });
});
