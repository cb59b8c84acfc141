import { type OutboxUnderTest, P, ann, at, event, gapsTold, outboxUnderTest, registered } from './outbox.spec-fixtures.js';

const subject = { subjectId: 'c-9', subjectType: 'COMMITMENT', projectId: P, title: 'OCR import' };
const reported = (toldStatus: string) =>
  event('StatusReported', { ...subject, reportId: `r-${toldStatus}`, toldStatus, toldToId: 'k-1', message: 'm', reportedBy: ann, at });
const assessed = (actualStatus: string, actualPercentComplete: number) =>
  event('StatusAssessed', { ...subject, actualStatus, actualPercentComplete, note: 'n', assessedBy: ann, at });
const delivered = event('CommitmentDelivered', { commitmentId: 'c-9', projectId: P, note: 'Shipped', by: ann, at });

/** PERCEPTION_GAP_OPENED holds what a contact was told against a delivery as the gap list does (realStateGivenBy). */
describe('the webhook outbox: a delivered commitment is done', () => {
  let outboxes: OutboxUnderTest;
  beforeEach(async () => {
    outboxes = await outboxUnderTest();
    await outboxes.append('webhook-w1', registered('w1', ['PERCEPTION_GAP_OPENED']));
  });
  afterEach(() => outboxes.close());

  it('tells of no gap when the customer is told DONE after the delivery, whatever was assessed before it', async () => {
    await outboxes.append('status-c-9', assessed('AT_RISK', 40));
    await outboxes.append(`budget-${P}`, delivered);
    await outboxes.append('status-c-9', reported('DONE'));
    expect(await gapsTold(outboxes)).toEqual([]);
  });

  it('tells of a gap when an assessment after the delivery finds it broken', async () => {
    await outboxes.append(`budget-${P}`, delivered);
    await outboxes.append('status-c-9', reported('DONE'));
    await outboxes.append('status-c-9', assessed('BLOCKED', 60));
    expect(await gapsTold(outboxes)).toEqual(['c-9: told DONE, really BLOCKED']);
  });
});
