import type pg from 'pg';
import { inTurn, pulseOf } from './statements-in-turn.js';

/** A session whose statements answer only when the test says so; `running` counts those sent and unanswered. */
const heldSession = () => {
  const answers: Array<{ answer: () => void; fail: () => void }> = [];
  const state = { sent: 0, running: 0, mostAtOnce: 0 };
  const query = () => {
    state.sent += 1;
    state.running += 1;
    state.mostAtOnce = Math.max(state.mostAtOnce, state.running);
    return new Promise<void>((resolve, reject) => {
      const settle = (settled: () => void) => () => {
        state.running -= 1;
        settled();
      };
      answers.push({ answer: settle(resolve), fail: settle(() => reject(new Error('Query read timeout'))) });
    });
  };
  return { session: { query } as unknown as pg.Client, answers, state };
};
const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

describe('statements on one session in turn', () => {
  it('sends the next only once the one before is answered, or has failed', async () => {
    const { session, answers, state } = heldSession();
    const run = (session as unknown as { query: () => Promise<void> }).query;
    const sent = [inTurn(session, run), inTurn(session, run), inTurn(session, run)];
    await tick();
    expect(state.sent).toBe(1);
    answers[0].fail();
    await expect(sent[0]).rejects.toThrow('Query read timeout');
    await tick();
    expect(state.sent).toBe(2);
    answers[1].answer();
    await tick();
    answers[2].answer();
    await Promise.all(sent.slice(1));
    expect(state.mostAtOnce).toBe(1);
  });

  it('lets no pulse join one still unanswered, and calls the session lost when it fails', async () => {
    const { session, answers, state } = heldSession();
    let lost = 0;
    const pulse = pulseOf(session, 2, () => lost++);
    try {
      await tick(30);
      expect(state.sent).toBe(1);
      answers[0].fail();
      await tick(30);
      expect(lost).toBe(1);
      expect(state.sent).toBe(2); // pulsing again after the failure, one at a time
    } finally {
      clearInterval(pulse);
    }
  });
});
