import fc from 'fast-check';
import { type Decider, isDomainError } from '@cf/core';

/**
 * Shared machinery of the decider properties: build a valid history by running random commands
 * through `decide` (refused ones are skipped, as the API would refuse them), then fold it whole
 * and in random batches, as a reader paging through the store would.
 */
export const historyOf = <Command, Event, State>(decider: Decider<Command, Event, State>, commands: readonly Command[]): Event[] => {
  let state = decider.initialState();
  const events: Event[] = [];
  for (const command of commands) {
    let decided: Event[];
    try {
      decided = decider.decide(command, state);
    } catch (error) {
      if (isDomainError(error)) continue;
      throw error;
    }
    for (const event of decided) state = decider.evolve(state, event);
    events.push(...decided);
  }
  return events;
};

/** Events as they come back from a store: a fresh JSON copy on every read. */
const asStored = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A state as text, maps included (persistent maps write themselves as objects), to see that it did not change. */
const comparable = (state: unknown): string => JSON.stringify(state, (_key, value: unknown) => (value instanceof Map ? [...value] : value));

/** Cut points (sorted, distinct, inside the history) that split it into batches. */
export const splitsOf = (length: number): fc.Arbitrary<number[]> =>
  fc
    .uniqueArray(fc.integer({ min: 0, max: Math.max(0, length) }), { maxLength: Math.min(length + 1, 8) })
    .map((cuts) => [...cuts].sort((a, b) => a - b));

/**
 * Folds the batches one after the other, each read afresh from "the store", and checks on the
 * way that evolve never changes a state it was given (a snapshot taken before each batch must
 * still equal the state afterwards). Returns the final state.
 */
export const foldInBatches = <Command, Event, State>(
  decider: Decider<Command, Event, State>,
  events: readonly Event[],
  cuts: readonly number[],
): State => {
  const bounds = [0, ...cuts, events.length];
  let state = decider.initialState();
  for (let i = 0; i + 1 < bounds.length; i++) {
    const batch = asStored(events.slice(bounds[i], bounds[i + 1]));
    const before = state;
    const snapshot = comparable(before);
    state = batch.reduce(decider.evolve, state);
    expect(comparable(before)).toEqual(snapshot);
  }
  return state;
};

/** The property every decider must hold: any batch split folds to the state of one whole fold. */
export const assertBatchSplitInvariance = <Command, Event, State>(
  decider: Decider<Command, Event, State>,
  commands: fc.Arbitrary<Command[]>,
  numRuns = 300,
): void => {
  const scenario = commands.chain((list) => {
    const events = historyOf(decider, list);
    return splitsOf(events.length).map((cuts) => ({ events, cuts }));
  });
  fc.assert(
    fc.property(scenario, ({ events, cuts }) => {
      const whole = events.reduce(decider.evolve, decider.initialState());
      expect(foldInBatches(decider, events, cuts)).toEqual(whole);
      expect(foldInBatches(decider, events, [])).toEqual(whole);
    }),
    { numRuns },
  );
};

/** Minutes after a fixed start, as ISO strings: commands happen in order. */
export const moment = (minutes: number): string => new Date(Date.UTC(2025, 2, 1, 9) + minutes * 60_000).toISOString();
