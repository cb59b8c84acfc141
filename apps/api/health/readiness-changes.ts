import type { Logger } from 'pino';

/**
 * What /health/ready answers, written to the log once per change (not ready, naming the failing
 * checks; ready again), not at every probe: a balancer asking every few seconds would otherwise
 * fill the error log for as long as an instance is not ready.
 */
export class ReadinessChanges {
  /** What /health/ready answered last: undefined before its first probe. */
  private wasReady: boolean | undefined;

  constructor(private readonly log: Logger) {}

  /** A probe's answer, passed through. */
  async answered<Answer>(checked: Promise<Answer>): Promise<Answer> {
    try {
      const answer = await checked;
      if (this.wasReady === false) this.log.info('ready again: /health/ready answers 200');
      this.wasReady = true;
      return answer;
    } catch (refusal) {
      if (this.wasReady !== false) {
        const failing = (refusal as { getResponse?: () => { error?: unknown } }).getResponse?.().error;
        this.log.warn({ failing }, 'not ready: /health/ready answers 503 until the failing checks pass');
      }
      this.wasReady = false;
      throw refusal;
    }
  }
}
