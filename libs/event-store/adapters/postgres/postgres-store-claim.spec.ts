import { describeWithPostgres } from '../../../../test/harness/postgres-reachable.js';
import { storeClaimSessions, terminateSession } from '../../../../test/harness/store-claim-sessions.js';
import { TEST_DATABASE_URL } from '../../../../test/harness/store-under-test.js';
import { PostgresStoreClaim } from './postgres-store-claim.js';

const URL_ = TEST_DATABASE_URL;
const describeIfReachable = await describeWithPostgres('PostgreSQL store claim test');

const until = async (check: () => Promise<boolean>, ms: number): Promise<boolean> => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (await check()) return true;
  return false;
};

describeIfReachable('PostgreSQL store claim', () => {
  const schema = `cf_store_claim_${process.pid}`;

  it("takes an instance's share again when its session is lost, so a job started after is refused again", async () => {
    const instance = new PostgresStoreClaim(URL_, schema);
    const job = new PostgresStoreClaim(URL_, schema);
    try {
      expect(await instance.share()).toBe(true);
      const sessions = await storeClaimSessions(URL_, schema);
      expect(sessions).toHaveLength(1);
      const [lost] = sessions;
      await terminateSession(URL_, lost);
      expect(await until(async () => !instance.held(), 5_000)).toBe(true);
      // The share is back on another session within a few seconds: a job is refused then.
      expect(await until(async () => instance.held() && (await storeClaimSessions(URL_, schema)).some((pid) => pid !== lost), 10_000)).toBe(
        true,
      );
      expect(await job.takeAlone()).toBe(false);
      // Released, it is not taken again: the job gets the store.
      await instance.release();
      expect(await until(() => job.takeAlone(), 5_000)).toBe(true);
    } finally {
      await job.release();
      await instance.release();
    }
  }, 30_000);

  it('lets a share taken again go while an instance with another secret started in the gap serves', async () => {
    const instance = new PostgresStoreClaim(URL_, schema, 1);
    const startedInTheGap = new PostgresStoreClaim(URL_, schema, 2);
    try {
      expect(await instance.share()).toBe(true);
      const [lost] = await storeClaimSessions(URL_, schema);
      await terminateSession(URL_, lost);
      expect(await until(async () => !instance.held(), 5_000)).toBe(true);
      expect(await startedInTheGap.share()).toBe(true);
      expect(await startedInTheGap.otherSecretMarks()).toEqual([]);
      // Retaken once a second, and let go each time: the other secret serves.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(instance.held()).toBe(false);
      await startedInTheGap.release();
      expect(await until(async () => instance.held(), 5_000)).toBe(true);
    } finally {
      await startedInTheGap.release();
      await instance.release();
    }
  }, 30_000);
});
