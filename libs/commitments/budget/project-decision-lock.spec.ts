import { withProjectDecisionLock } from './project-decision-lock.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('withProjectDecisionLock', () => {
  it('runs the decisions of one project one after another, in arrival order, even when one fails', async () => {
    const trace: string[] = [];
    const step = (name: string, ms: number, fail = false) => withProjectDecisionLock('p-1', async () => {
      trace.push(`${name}:start`);
      await pause(ms);
      trace.push(`${name}:end`);
      if (fail) throw new Error(name);
      return name;
    });
    const results = await Promise.allSettled([step('a', 20, true), step('b', 5), step('c', 1)]);
    expect(trace).toEqual(['a:start', 'a:end', 'b:start', 'b:end', 'c:start', 'c:end']);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
  });

  it('lets different projects decide at the same time', async () => {
    const trace: string[] = [];
    const step = (project: string, ms: number) => withProjectDecisionLock(project, async () => {
      trace.push(`${project}:start`);
      await pause(ms);
      trace.push(`${project}:end`);
    });
    await Promise.all([step('p-2', 20), step('p-3', 1)]);
    expect(trace).toEqual(['p-2:start', 'p-3:start', 'p-3:end', 'p-2:end']);
  });
});
