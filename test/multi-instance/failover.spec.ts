import { rmSync } from 'node:fs';
import { signToken } from '@cf/ledger';
import { type ApiProcess, healthOf, sendOperation as send, startApiProcess } from '../harness/api-process.js';
import { readModelSnapshot, rebuildReadModels } from '../harness/read-model-snapshot.js';
import { describeWithPostgres } from '../harness/postgres-reachable.js';
import { dropSchemas } from '../harness/store-under-test.js';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECRET = 'failover-secret-failover-secret-0123';
const SCHEMA = `cf_failover_${process.pid}`;
const env = { EVENT_STORE: 'postgres', DATABASE_URL, DATABASE_SCHEMA: SCHEMA, AUTH_JWT_SECRET: SECRET, DATA_DIR: `/tmp/${SCHEMA}` };

const describeIt = await describeWithPostgres('failover test');

describeIt('several API instances on one PostgreSQL', () => {
  let instances: ApiProcess[] = [];
  afterAll(async () => {
    await Promise.all(instances.map((i) => i.kill('SIGKILL')));
    await dropSchemas(DATABASE_URL, [SCHEMA, `${SCHEMA}_read`]);
    // The instances' data directory, like their schemas, goes with the test.
    rmSync(env.DATA_DIR, { recursive: true, force: true });
  });

  it('runs projections in one instance, fails over when it dies, and applies every event once', async () => {
    const token = await signToken(SECRET, { userId: 'maria', name: 'Maria' });
    instances = [await startApiProcess(env), await startApiProcess(env)];
    const leaders = await Promise.all(instances.map(async (i) => (await healthOf(i)).projectionsLedHere));
    expect(leaders.filter(Boolean)).toHaveLength(1);
    const leader = instances[leaders.indexOf(true)];
    const follower = instances[leaders.indexOf(false)];

    const opened = await send(follower, 'OpenProject', { input: { name: 'Seen elsewhere', customerName: 'C', budgetHours: 10 } }, token);
    const seen = await send(leader, 'Project', { id: opened.data!.openProject.project.id }, token, {
      'x-min-position': opened.data!.openProject.position,
    });
    expect(seen.data?.project.name).toBe('Seen elsewhere');

    const acknowledged: string[] = [];
    const load = async (api: ApiProcess, count: number) => {
      for (let i = 0; i < count; i++) {
        const answer = await send(api, 'OpenProject', { input: { name: `p${i}`, customerName: 'C', budgetHours: i } }, token).catch(
          () => undefined,
        );
        if (answer?.data) acknowledged.push(answer.data.openProject.project.id);
      }
    };
    const running = Promise.all([load(follower, 60), load(leader, 60)]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await leader.kill('SIGKILL');
    await running;

    const deadline = Date.now() + 15_000;
    let health = await healthOf(follower);
    while (!(health.projectionsLedHere && health.projectionLag === '0') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      health = await healthOf(follower);
    }
    expect(health).toMatchObject({ projectionsLedHere: true, projectionLag: '0' });
    const { projects } = (await send(follower, 'Projects', { first: 500 }, token)).data!;
    const listed = new Set(projects.edges.map((e: { node: { id: string } }) => e.node.id));
    expect(acknowledged.every((id) => listed.has(id))).toBe(true);

    await follower.kill('SIGTERM');
    const live = await readModelSnapshot(env);
    await rebuildReadModels(env);
    expect(await readModelSnapshot(env)).toEqual(live);
  }, 60_000); // two API processes, a kill, a catch-up and a rebuild by the CLI: past jest's 30 s on a busy machine

  it('hands the projections over when the leader hangs with its connection open', async () => {
    const token = await signToken(SECRET, { userId: 'maria', name: 'Maria' });
    const pair = [await startApiProcess(env), await startApiProcess(env)];
    instances.push(...pair);
    const leaders = await Promise.all(pair.map(async (i) => (await healthOf(i)).projectionsLedHere));
    expect(leaders.filter(Boolean)).toHaveLength(1);
    const [hung, follower] = leaders[0] ? pair : [pair[1], pair[0]];
    hung.child.kill('SIGSTOP'); // alive to the kernel and to PostgreSQL, but it answers nothing
    try {
      // Its session goes idle; PostgreSQL ends it after the lease (10 s), and the follower leads.
      const deadline = Date.now() + 30_000;
      let health = await healthOf(follower);
      while (!health.projectionsLedHere && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        health = await healthOf(follower);
      }
      expect(health.projectionsLedHere).toBe(true);
      const opened = await send(follower, 'OpenProject', { input: { name: 'After the hang', customerName: 'C', budgetHours: 1 } }, token);
      expect(opened.data?.openProject.project.id).toEqual(expect.any(String));
    } finally {
      hung.child.kill('SIGCONT');
    }
  }, 60_000);
});
