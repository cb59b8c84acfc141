/** One line on stderr, redrawn in place: done/total, rate and time left. */
export class ProgressBar {
  private readonly started: number;
  private lastDraw = 0;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly out: Pick<NodeJS.WriteStream, 'write' | 'isTTY'> = process.stderr,
    private readonly clock: () => number = Date.now,
  ) {
    this.started = clock();
  }

  update(done: number, force = false): void {
    const now = this.clock();
    if (!force && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const seconds = Math.max((now - this.started) / 1000, 0.001);
    const rate = done / seconds;
    const share = this.total === 0 ? 1 : Math.min(done / this.total, 1);
    const filled = Math.round(share * 30);
    const left = rate > 0 ? Math.ceil((this.total - done) / rate) : 0;
    const line = `${this.label} [${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${done.toLocaleString('en')}/${this.total.toLocaleString('en')} events · ${Math.round(rate).toLocaleString('en')} events/s · ${left} s left`;
    this.out.write(this.out.isTTY ? `\r${line}` : `${line}\n`);
  }

  finish(done: number): void {
    this.update(done, true);
    if (this.out.isTTY) this.out.write('\n');
  }
}
