import { type ApiProcess, startApiProcess, waitForProjections } from '../harness/api-process.js';
import { readModelSnapshot, rebuildReadModels } from '../harness/read-model-snapshot.js';
import { freshStore } from '../harness/store-under-test.js';
import { type Crash, crashUnderLoad } from './crash-round.js';
import { crashWriters } from './round-setup.js';
import { crashSeed, seededRandom } from './seeded-random.js';
import type { Acknowledged } from './send-mutation.js';
import { checkStore } from './store-check.js';

/** `npm test` runs one round; `npm run test:crash` ten, each on the data the last one left. */
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 1);
const SECRET = 'crash-secret-crash-secret-crash-secret';
const DEVELOPERS = 5;
const KILL_WINDOW = { fromMs: 500, toMs: 2_500 };
// Far beyond the kill window: the writers must still be busy when the API dies.
const LIMITS = { mutationsPerWriter: 2_000, timeMs: 20_000 };
/** Concurrent writers on one project conflict and break rules; anything else is a finding. */
const EXPECTED_REFUSALS = ['CONFLICT', 'RULE_VIOLATED'];

const seed = crashSeed();
const store = freshStore('crash', SECRET);
console.log(`crash test: ${ROUNDS} round(s) on ${store.kind}, seed ${seed} (CRASH_SEED=${seed} repeats its choices)`);

const describeCrash = (round: number, crash: Crash): string =>
  `round ${round}: killed after ${crash.killedAfterMs} ms with ${crash.writersAtKill} writers busy; ` +
  `${crash.load.acknowledged.length} mutations acknowledged under load, refused ${JSON.stringify(crash.load.refusals)}`;

/** Not vacuous: part of the load was acknowledged, and every writer was still busy when the API died. */
const expectKilledMidLoad = (crash: Crash, writers: number): void => {
  expect(crash.load.acknowledged.length).toBeGreaterThan(0);
  expect({ aliveAtKill: crash.aliveAtKill, writersAtKill: crash.writersAtKill, cutOff: crash.load.cutOff }).toEqual({
    aliveAtKill: true,
    writersAtKill: writers,
    cutOff: writers,
  });
  const unexpected = Object.entries(crash.load.firstRefusals).filter(([code]) => !EXPECTED_REFUSALS.includes(code));
  expect(unexpected.map(([, detail]) => detail)).toEqual([]);
};

/** With the restarted API caught up and stopped: the store, its chains, then the read models. */
const expectRecovered = async (acknowledged: readonly Acknowledged[], projectionLag: string): Promise<void> => {
  // The store first: a lost event also shows as read models ahead of the log (a negative lag).
  const check = await checkStore(store.env, acknowledged);
  expect(check.lost).toEqual([]);
  expect(check.chains).toMatchObject({ ok: true, firstBrokenLink: null, eventsChecked: check.events });
  expect(projectionLag).toBe('0');
  const live = await readModelSnapshot(store.env);
  expect(live.audit_log).toHaveLength(check.events); // a row per event: the comparison is not of empty tables
  await rebuildReadModels(store.env);
  expect(await readModelSnapshot(store.env)).toEqual(live);
};

describe('the API killed with SIGKILL in the middle of concurrent mutations', () => {
  let api: ApiProcess | undefined;
  afterAll(async () => {
    await api?.kill('SIGKILL');
    await store.remove();
  });

  it(
    'restarts with every acknowledged mutation stored, every chain intact and read models equal to a rebuild',
    async () => {
      expect(Number.isInteger(ROUNDS) && ROUNDS >= 1).toBe(true);
      const random = seededRandom(seed);
      const writers = await crashWriters(SECRET, DEVELOPERS);
      const acknowledged: Acknowledged[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        api = await startApiProcess(store.env);
        const crash = await crashUnderLoad(api, writers, random, KILL_WINDOW, LIMITS);
        console.log(describeCrash(round, crash));
        acknowledged.push(...crash.acknowledged);
        expectKilledMidLoad(crash, writers.length);

        api = await startApiProcess(store.env);
        const { projectionLag } = await waitForProjections(api);
        await api.kill('SIGTERM');
        api = undefined;
        await expectRecovered(acknowledged, projectionLag);
      }
    },
    ROUNDS * 45_000 + 15_000,
  );
});
