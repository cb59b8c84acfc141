import fc from 'fast-check';
import { RESPONSE_STANCES } from '../../libs/requests/domain/requests.events.js';
import { type Command, requestsDecider } from '../../libs/requests/domain/requests.decide.js';
import { actor, raise, requester } from '../../libs/requests/domain/requests.spec-fixtures.js';
import { assertBatchSplitInvariance, moment } from './fold-properties.js';

const text = fc.constantFrom('Which columns?', 'We will do it', '', 'Export as CSV and PDF');
const id = 'req-1';

const command = (minute: number): fc.Arbitrary<Command> => {
  const at = moment(minute);
  return fc.oneof(
    fc
      .record({
        stance: fc.constantFrom(...RESPONSE_STANCES),
        message: text,
        estimate: fc.option(
          fc.integer({ min: 0, max: 20_000 }).map((hundredths) => hundredths / 100),
          { nil: undefined },
        ),
      })
      .map(({ stance, message, estimate }): Command => ({
        type: 'RespondToRequest',
        requestId: id,
        stance,
        message,
        ...(estimate === undefined ? {} : { estimateHours: estimate }),
        at,
        actor,
      })),
    fc
      .record({ title: fc.option(text, { nil: undefined }), description: fc.option(text, { nil: undefined }), reason: text })
      .map(({ title, description, reason }): Command => ({
        type: 'ReviseRequest',
        requestId: id,
        reason,
        at,
        actor,
        ...(title === undefined ? {} : { title }),
        ...(description === undefined ? {} : { description }),
      })),
    text.map((reason): Command => ({ type: 'WithdrawRequest', requestId: id, reason, at, actor })),
    fc.constantFrom('contact-1', 'contact-2').map((contactId): Command => ({
      type: 'ConfirmRequest',
      requestId: id,
      requester,
      confirmer: { role: 'CUSTOMER', contactId },
      at,
      actor,
    })),
    text.map((resolution): Command => ({ type: 'ResolveRequest', requestId: id, resolution, at, actor })),
  );
};

const commands = fc
  .array(fc.constant(0), { maxLength: 20 })
  .chain((slots) => fc.tuple(...slots.map((_, i) => command(10 + i * 10))).map((list) => [raise({ at: moment(0) }), ...list]));

describe('requests decider (property)', () => {
  it('folds the same events to the same state in any batch split', () => {
    assertBatchSplitInvariance(requestsDecider, commands);
  });
});
