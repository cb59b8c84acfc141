import type { Caller } from '../caller.js';
import { noteAccepted } from './accepted-at.js';
import { answeredAsAccepted } from './accepted-answer.js';
import { STORE_UNREACHABLE_MESSAGE } from '../errors/store-unreachable.js';

const caller = (): Caller => ({ actor: { userId: 'maria', name: 'Maria' }, correlationId: 'c-1' });
const internal = (path: string[]) => ({ message: 'Internal server error', path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });

describe('answeredAsAccepted', () => {
  it('answers an internal error of the mutation or of any field of its answer with where its command was accepted', () => {
    const accepted = caller();
    noteAccepted(accepted, 42n);
    expect(answeredAsAccepted([internal(['openProject', 'project', 'members'])], accepted)).toEqual([
      {
        message: 'Accepted at position 42, but its answer is not readable yet; read it again with x-min-position: 42',
        path: ['openProject', 'project', 'members'],
        extensions: { code: 'NOT_YET_READABLE', position: '42' },
      },
    ]);
  });

  it('leaves refusals, and every error of an operation that appended nothing, as they are', () => {
    const accepted = caller();
    noteAccepted(accepted, 7n);
    const refusal = { message: 'No', extensions: { code: 'FORBIDDEN', rule: 'projectMember' } };
    expect(answeredAsAccepted([refusal], accepted)).toEqual([refusal]);
    expect(answeredAsAccepted([internal(['openProject'])], caller())).toEqual([internal(['openProject'])]);
    expect(answeredAsAccepted(undefined, accepted)).toBeUndefined();
  });

  it('tells a mutation the store did not answer that it is in doubt, and a query that it is not', () => {
    const unanswered = { message: STORE_UNREACHABLE_MESSAGE, path: ['openProject'], extensions: { code: 'UNAVAILABLE' } };
    expect(answeredAsAccepted([unanswered], caller(), true)).toEqual([
      {
        message: `${STORE_UNREACHABLE_MESSAGE}. The mutation may have been recorded: read before sending it again, or send it with the same idempotencyKey`,
        path: ['openProject'],
        extensions: { code: 'UNAVAILABLE', inDoubt: true },
      },
    ]);
    expect(answeredAsAccepted([unanswered], caller(), false)).toEqual([unanswered]);
    // Heard appended, it is where it was accepted.
    const accepted = caller();
    noteAccepted(accepted, 9n);
    expect(answeredAsAccepted([unanswered], accepted, true)?.[0].extensions).toEqual({ code: 'NOT_YET_READABLE', position: '9' });
  });
});
