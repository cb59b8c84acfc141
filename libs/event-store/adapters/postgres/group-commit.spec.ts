import { GroupCommit, type Outcome } from './group-commit.js';

/** A server refusal of the whole call, such as PostgreSQL's for text it cannot store. */
class Refused extends Error {}

/** A fake database call: records each call's appends and answers when the test lets it. */
const fakeCalls = (answer: (appends: string[]) => Array<Outcome<string>> = (appends) => appends.map((a) => ({ result: `${a} ok` }))) => {
  const calls: string[][] = [];
  const pending: Array<() => void> = [];
  const send = (appends: string[]): Promise<Array<Outcome<string>>> => {
    calls.push(appends);
    return new Promise((resolve, reject) =>
      pending.push(() => {
        try {
          resolve(answer(appends));
        } catch (error) {
          reject(error);
        }
      }),
    );
  };
  /** Answers the call in flight and no more. */
  const answerNow = (): void => pending.shift()!();
  /** Answers the call in flight, then gives the next one a few turns of the event loop to start. */
  const answerNext = async (): Promise<void> => {
    pending.shift()!();
    for (let turn = 0; turn < 3; turn++) await new Promise(setImmediate);
  };
  return { calls, send, answerNow, answerNext };
};

const groupCommit = (send: (appends: string[]) => Promise<Array<Outcome<string>>>, maxAppends = 100) =>
  new GroupCommit<string, string>({ send, retryAlone: (error) => error instanceof Refused, maxAppends });

describe('group commit', () => {
  it('sends a lone append at once, without waiting for company', () => {
    const fake = fakeCalls();
    void groupCommit(fake.send).submit('a');
    expect(fake.calls).toEqual([['a']]);
  });

  it('sends the next append of a writer alone at once after its answer', async () => {
    const fake = fakeCalls();
    const appends = groupCommit(fake.send);
    const first = appends.submit('a1');
    fake.answerNow();
    await first;
    void appends.submit('a2');
    expect(fake.calls).toEqual([['a1'], ['a2']]);
  });

  it('sends the appends that arrive during a call together in the next call, each with its own result', async () => {
    const fake = fakeCalls();
    const appends = groupCommit(fake.send);
    const results = ['a', 'b', 'c', 'd'].map((append) => appends.submit(append));
    expect(fake.calls).toEqual([['a']]);
    await fake.answerNext();
    expect(fake.calls).toEqual([['a'], ['b', 'c', 'd']]);
    await fake.answerNext();
    expect(await Promise.all(results)).toEqual(['a ok', 'b ok', 'c ok', 'd ok']);
  });

  it('lets those just answered join the next call when they append again at once', async () => {
    const fake = fakeCalls();
    const appends = groupCommit(fake.send);
    // Between two appends a writer does a little asynchronous work, as a command does.
    const writer = async (name: string) => {
      await appends.submit(`${name}1`);
      for (let step = 0; step < 3; step++) await Promise.resolve();
      await appends.submit(`${name}2`);
    };
    const writers = Promise.all([writer('a'), writer('b')]);
    for (let call = 0; call < 3; call++) await fake.answerNext();
    expect(fake.calls).toEqual([['a1'], ['b1', 'a2'], ['b2']]);
    await writers;
  });

  it('fails only the appends the call answered with an error', async () => {
    const fake = fakeCalls((appends) => appends.map((a) => (a === 'b' ? { error: new Error('wrong revision') } : { result: a })));
    const appends = groupCommit(fake.send);
    const results = Promise.allSettled(['a', 'b', 'c'].map((append) => appends.submit(append)));
    await fake.answerNext();
    await fake.answerNext();
    expect((await results).map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      'a',
      'wrong revision',
      'c',
    ]);
  });

  it('sends each append again alone when the server refused a whole call, so only the culprit fails', async () => {
    const fake = fakeCalls((appends) => {
      if (appends.includes('bad')) throw new Refused('cannot store it');
      return appends.map((a) => ({ result: a }));
    });
    const appends = groupCommit(fake.send);
    const results = Promise.allSettled(['first', 'a', 'bad', 'c'].map((append) => appends.submit(append)));
    for (let call = 0; call < 5; call++) await fake.answerNext();
    expect(fake.calls).toEqual([['first'], ['a', 'bad', 'c'], ['a'], ['bad'], ['c']]);
    expect((await results).map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
  });

  it('never sends again a call that may have committed, and fails all its appends', async () => {
    const fake = fakeCalls(() => {
      throw new Error('connection lost');
    });
    const appends = groupCommit(fake.send);
    const results = Promise.allSettled(['first', 'a', 'b'].map((append) => appends.submit(append)));
    await fake.answerNext();
    await fake.answerNext();
    expect(fake.calls).toEqual([['first'], ['a', 'b']]);
    expect((await results).map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
  });

  it('sends at most maxAppends in one call', async () => {
    const fake = fakeCalls();
    const appends = groupCommit(fake.send, 2);
    const results = ['first', 'a', 'b', 'c'].map((append) => appends.submit(append));
    for (let call = 0; call < 3; call++) await fake.answerNext();
    expect(fake.calls).toEqual([['first'], ['a', 'b'], ['c']]);
    await Promise.all(results);
  });
});
