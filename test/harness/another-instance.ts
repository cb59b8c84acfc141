import { jest } from '@jest/globals';
import type { NewEvent } from '@cf/event-store';
import { EventSourcing } from '@cf/ledger';
import type { Portal } from './portal-harness.js';

/**
 * What another API instance on the same store does to this one's decisions: it appends events
 * this instance's read models have not applied yet, or appends them between a decision's read of
 * its facts and its append. Specs of facts read from the log (not from a read model) use these.
 */

/** An event as another instance's command would have appended it (its time is now). */
export const eventElsewhere = (type: string, data: Record<string, unknown>): NewEvent => {
  const at = new Date().toISOString();
  return {
    type,
    data: { ...data, at },
    metadata: { actor: { userId: 'mia', name: 'Mia Manager' }, occurredAt: at, correlationId: 'elsewhere' },
  };
};

/**
 * Runs `decide` while this instance's read models stand still, then lets them go on. A mutation
 * sent meanwhile is decided on them as they are; its wait for them catches them up after its append.
 */
export const whileReadModelsStand = async <T>(portal: Portal, decide: () => Promise<T>): Promise<T> => {
  const eventSourcing = portal.app.get(EventSourcing);
  await eventSourcing.runner.stop(); // the read models stay where they are
  try {
    return await decide();
  } finally {
    await eventSourcing.runner.start();
  }
};

/**
 * Like whileReadModelsStand, but they stay behind this instance's own appends too: a mutation sent
 * meanwhile appends and answers NOT_YET_READABLE, as on an instance whose read models lag.
 */
export const whileReadModelsStayBehind = <T>(portal: Portal, decide: () => Promise<T>): Promise<T> =>
  whileReadModelsStand(portal, async () => {
    const wait = jest.spyOn(portal.app.get(EventSourcing).runner, 'waitFor').mockResolvedValue(false);
    try {
      return await decide();
    } finally {
      wait.mockRestore();
    }
  });

/** Appends `event` to `stream` while this instance's read models stand still, then runs `decide` and lets them go on. */
export const whileReadModelsLag = <T>(portal: Portal, stream: string, event: NewEvent, decide: () => Promise<T>): Promise<T> =>
  whileReadModelsStand(portal, async () => {
    await portal.app.get(EventSourcing).store.append(stream, [event], { expectedLastIndex: 'any' });
    return decide();
  });

/**
 * Appends `event` to `stream` and runs `decide` while this instance's read models stay behind it
 * and every append `decide` makes (a mutation that lands answers NOT_YET_READABLE): each check in
 * `decide` sees the log alone, never read models a mutation before it brought up to date.
 */
export const whileReadModelsNeverSee = <T>(portal: Portal, stream: string, event: NewEvent, decide: () => Promise<T>): Promise<T> =>
  whileReadModelsStayBehind(portal, async () => {
    await portal.app.get(EventSourcing).store.append(stream, [event], { expectedLastIndex: 'any' });
    return decide();
  });

/**
 * `moved` gains `event` once, between a decision's read of it and the decision's first append to
 * a stream of `category`. Answers the streams appended to, in order (a second one is a decision
 * taken again). Undo with jest.restoreAllMocks().
 */
export const movesBeforeAppend = (portal: Portal, category: string, moved: string, event: NewEvent): string[] => {
  const store = portal.app.get(EventSourcing).store;
  const append = store.append.bind(store);
  const appends: string[] = [];
  jest.spyOn(store, 'append').mockImplementation(async (stream, events, options) => {
    if (stream.startsWith(`${category}-`)) {
      appends.push(stream);
      if (appends.length === 1) await append(moved, [event], { expectedLastIndex: 'any' });
    }
    return append(stream, events, options);
  });
  return appends;
};
