import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteLeadership } from './sqlite-leadership.js';

describe('leadership of the projections on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cf-leadership-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lets one holder of the lock file lead at a time, and the next once it lets go', async () => {
    const file = join(dir, 'projections.lock');
    const [api, rebuild] = [new SqliteLeadership(file), new SqliteLeadership(file)];
    expect(await api.acquire()).toBe(true);
    expect(await api.acquire()).toBe(true);
    expect(await rebuild.acquire()).toBe(false);
    await api.release();
    expect(await rebuild.acquire()).toBe(true);
    expect(await api.acquire()).toBe(false);
    await rebuild.release();
    await rebuild.release();
  });
});
