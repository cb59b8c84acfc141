import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { EventSourcing } from '@cf/ledger';
import type { PersonalData } from '@cf/personal-data';
import { TargetHosts } from '../access/target-addresses.js';
import { loadDeliverySettings } from './delivery-settings.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';

/** A ledger whose read models cannot be reached: every pass fails until `passes` have been tried. */
const unreachable = (passes: number, onLast: () => void) => {
  let tried = 0;
  return {
    readModels: {},
    store: {},
    runner: {
      isLeading: () => {
        tried += 1;
        if (tried === passes) onLast();
        throw new Error('connection refused');
      },
    },
  } as unknown as EventSourcing;
};

describe('the webhook dispatcher', () => {
  afterEach(() => jest.restoreAllMocks());

  it('warns once while the database stays down, not once per pass', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    let stopped: Promise<void> | undefined;
    const dispatcher: WebhookDispatcher = new WebhookDispatcher(
      unreachable(5, () => {
        stopped = dispatcher.beforeApplicationShutdown();
      }),
      loadDeliverySettings({ WEBHOOK_POLL_MS: '1' }),
      new TargetHosts(),
      {} as PersonalData,
    );
    dispatcher.onApplicationBootstrap();
    await new Promise<void>((resolve) => {
      const check = () => (stopped ? resolve() : setImmediate(check));
      check();
    });
    await stopped;
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('says passes succeed again after one reached the database, not after passes that found it was not leading', async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    let pass = 0;
    const leading = [true, false, false, true];
    const eventSourcing = {
      readModels: {},
      store: {},
      runner: { isLeading: () => leading[pass++] ?? false, hasCaughtUp: () => true },
    } as unknown as EventSourcing;
    const dispatcher = new WebhookDispatcher(
      eventSourcing,
      loadDeliverySettings({ WEBHOOK_POLL_MS: '1' }),
      new TargetHosts(),
      {} as PersonalData,
    );
    let stopped: Promise<void> | undefined;
    let calls = 0;
    // As dispatchDue answers a pass that may not send (0); the first pass finds the database down.
    jest
      .spyOn(dispatcher, 'dispatchDue')
      .mockRejectedValueOnce(new Error('connection refused'))
      .mockImplementation(async () => {
        if (pass >= leading.length || ++calls > leading.length) stopped ??= dispatcher.beforeApplicationShutdown();
        return 0;
      });
    const saidAtPass: number[] = [];
    jest.spyOn(Logger.prototype, 'log').mockImplementation((message) => {
      if (String(message).includes('succeed again')) saidAtPass.push(pass);
    });
    dispatcher.onApplicationBootstrap();
    await new Promise<void>((resolve) => {
      const check = () => (stopped ? resolve() : setImmediate(check));
      check();
    });
    await stopped;
    expect(saidAtPass).toEqual([leading.length]);
  });

  it('makes no pass in a process told to stay idle, such as cli seed', async () => {
    const eventSourcing = unreachable(1, () => undefined);
    const isLeading = jest.spyOn(eventSourcing.runner, 'isLeading');
    const dispatcher = new WebhookDispatcher(eventSourcing, loadDeliverySettings({}), new TargetHosts(), {} as PersonalData);
    dispatcher.stayIdle();
    dispatcher.onApplicationBootstrap();
    await dispatcher.beforeApplicationShutdown();
    expect(isLeading).not.toHaveBeenCalled();
  });

  it('sends nothing on the leader until its read models have caught up at start: the outbox is still being rebuilt', async () => {
    const headPosition = jest.fn(() => Promise.resolve(0n));
    const catchingUp = {
      readModels: {},
      store: { headPosition },
      runner: { isLeading: () => true, hasCaughtUp: () => false, slowestPosition: () => 0n },
    } as unknown as EventSourcing;
    const dispatcher = new WebhookDispatcher(catchingUp, loadDeliverySettings({}), new TargetHosts(), {} as PersonalData);
    expect(await dispatcher.dispatchDue()).toBe(0);
    expect(headPosition).not.toHaveBeenCalled();
  });
});
