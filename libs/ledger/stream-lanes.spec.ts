import { StreamLanes } from './stream-lanes.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('StreamLanes', () => {
  it('gives turns on one stream in the order they were asked for, each after the one before was let go', async () => {
    const lanes = new StreamLanes(1_000);
    const order: string[] = [];
    const turns = ['a', 'b', 'c'].map((name) =>
      lanes.enter('budget-p1').then(async (lane) => {
        order.push(`${name} in`);
        await tick();
        order.push(`${name} out`);
        lane.release();
      }),
    );
    await Promise.all(turns);
    expect(order).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out']);
    expect(lanes.busyStreams).toBe(0);
  });

  it('keeps streams apart, and lets a turn go once however often it is let go', async () => {
    const lanes = new StreamLanes(1_000);
    const first = await lanes.enter('budget-p1');
    const elsewhere = await lanes.enter('budget-p2');
    let secondIn = false;
    const second = lanes.enter('budget-p1').then((lane) => {
      secondIn = true;
      return lane;
    });
    const third = lanes.enter('budget-p1');
    await tick();
    expect(secondIn).toBe(false);
    first.release();
    first.release();
    const held = await second;
    await tick();
    let thirdIn = false;
    void third.then(() => (thirdIn = true));
    await tick();
    expect(thirdIn).toBe(false);
    held.release();
    (await third).release();
    elsewhere.release();
    expect(lanes.busyStreams).toBe(0);
  });

  it('gives up a turn not given within its wait with UNAVAILABLE, and passes its place on', async () => {
    const lanes = new StreamLanes(30);
    const hung = await lanes.enter('budget-p1');
    const gaveUp = lanes.enter('budget-p1');
    let thirdIn = false;
    const third = lanes.enter('budget-p1').then((lane) => {
      thirdIn = true;
      return lane;
    });
    await expect(gaveUp).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringContaining('nothing was done; send it again'),
    });
    await expect(third).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(thirdIn).toBe(false);
    hung.release();
    const next = await lanes.enter('budget-p1');
    next.release();
    await new Promise((resolve) => setImmediate(resolve));
    expect(lanes.busyStreams).toBe(0);
  });
});
