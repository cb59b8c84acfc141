import { ProgressBar } from './progress-bar.js';

describe('the progress bar', () => {
  it('shows how far a rebuild is, its events per second and the time left', () => {
    const lines: string[] = [];
    let now = 1_000;
    const bar = new ProgressBar('all projections', 50_000, { isTTY: false, write: (line: string) => lines.push(line) > 0 }, () => now);
    now += 2_000;
    bar.update(10_000);
    expect(lines).toEqual([`all projections [${'#'.repeat(6)}${'.'.repeat(24)}] 10,000/50,000 events · 5,000 events/s · 8 s left\n`]);
  });
});
