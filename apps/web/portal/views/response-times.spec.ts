import { firstResponses } from './response-times.js';

const raised = '2026-03-02T08:00:00.000Z';

describe('first-response times', () => {
  it('measures from raising to the earliest response, and how long an open request has waited', () => {
    const times = firstResponses(
      [
        {
          id: 'a',
          title: 'A',
          channel: 'DIRECT',
          status: 'ANSWERED',
          raisedAt: raised,
          responses: [{ at: '2026-03-02T20:00:00.000Z' }, { at: '2026-03-02T10:00:00.000Z' }],
        },
        { id: 'b', title: 'B', channel: 'PROXY', status: 'OPEN', raisedAt: raised, responses: [] },
        { id: 'c', title: 'C', channel: 'WRITTEN', status: 'WITHDRAWN', raisedAt: raised, responses: [] },
      ],
      new Date('2026-03-03T08:00:00.000Z'),
    );
    expect(times).toEqual([
      { id: 'b', title: 'B', channel: 'PROXY', hours: 24, answered: false },
      { id: 'a', title: 'A', channel: 'DIRECT', hours: 2, answered: true },
    ]);
  });
});
