import fc from 'fast-check';
import { type Command, requirementsDecider } from '../../libs/requirements/domain/requirements.decide.js';
import { P, actor, add } from '../../libs/requirements/domain/requirements.spec-fixtures.js';
import { assertBatchSplitInvariance, moment } from './fold-properties.js';

const id = 'requirement-1';
const text = fc.constantFrom('Invoice export', 'Credit notes too', '', 'Invoices can be exported as CSV.');
const trigger = fc.constantFrom(
  {},
  { sessionId: 's-1', session: { id: 's-1', projectId: P } },
  { requestId: 'q-1', request: { id: 'q-1', projectId: P, channel: 'PROXY' as const } },
  { requestId: 'q-2', request: { id: 'q-2', projectId: P, channel: 'DIRECT' as const } },
);

const command = (minute: number): fc.Arbitrary<Command> => {
  const at = moment(minute);
  return fc.oneof(
    {
      arbitrary: fc
        .record({
          title: fc.option(text, { nil: undefined }),
          text: fc.option(text, { nil: undefined }),
          estimateHours: fc.option(
            fc.oneof(
              fc.integer({ min: 0, max: 80 }),
              fc.integer({ min: 0, max: 8_000 }).map((hundredths) => hundredths / 100),
            ),
            {
              nil: undefined,
            },
          ),
          reason: text,
          trigger,
        })
        .map(({ title, text: body, estimateHours, reason, trigger: cause }): Command => ({
          type: 'ReviseRequirement',
          requirementId: id,
          reason,
          at,
          actor,
          ...cause,
          ...(title === undefined ? {} : { title }),
          ...(body === undefined ? {} : { text: body }),
          ...(estimateHours === undefined ? {} : { estimateHours }),
        })),
      weight: 5,
    },
    { arbitrary: text.map((reason): Command => ({ type: 'RemoveRequirement', requirementId: id, reason, at, actor })), weight: 1 },
  );
};

const commands = fc
  .array(fc.constant(0), { maxLength: 20 })
  .chain((slots) => fc.tuple(...slots.map((_, i) => command(10 + i * 10))).map((list) => [add({ at: moment(0) }), ...list]));

describe('requirements decider (property)', () => {
  it('folds the same events to the same state in any batch split', () => {
    assertBatchSplitInvariance(requirementsDecider, commands);
  });
});
