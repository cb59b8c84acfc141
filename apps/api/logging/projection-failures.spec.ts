import { projectionLeadChanged, projectionRunnerFailed, projectionsGivenUpToNewerCode } from '@cf/event-store';
import type { Logger } from 'pino';
import { ProjectionFailureLog } from './projection-failures.js';

describe("the projection runner's failures in the log", () => {
  it('writes an error once a minute while it repeats, alternating with others or not, a different one at once, and nothing once stopped', () => {
    const written: unknown[][] = [];
    const failures = new ProjectionFailureLog({ error: (...args: unknown[]) => written.push(args) } as unknown as Logger);
    failures.onModuleInit();
    const locked = new Error('database is locked');
    projectionRunnerFailed.publish(locked);
    projectionRunnerFailed.publish(new Error('database is locked'));
    projectionRunnerFailed.publish(new Error('disk I/O error'));
    // Errors that alternate are each written once too, not at every change.
    projectionRunnerFailed.publish(new Error('database is locked'));
    projectionRunnerFailed.publish(new Error('disk I/O error'));
    failures.onModuleDestroy();
    projectionRunnerFailed.publish(new Error('after the stop'));
    expect(written).toEqual([
      [{ err: locked }, 'projections stopped on an error; retrying every second'],
      [{ err: new Error('disk I/O error') }, 'projections stopped on an error; retrying every second'],
    ]);
  });

  it('writes a line when this instance takes the lead and when it gives it up, and nothing once stopped', () => {
    const written: unknown[][] = [];
    const log = new ProjectionFailureLog({ info: (...args: unknown[]) => written.push(args) } as unknown as Logger);
    log.onModuleInit();
    projectionLeadChanged.publish(true);
    projectionLeadChanged.publish(false);
    log.onModuleDestroy();
    projectionLeadChanged.publish(true);
    expect(written).toEqual([
      ['leading the projections: this instance applies the log to the read models'],
      ['no longer leading the projections (given up, or its database session lost): this instance follows whichever takes the lead'],
    ]);
  });

  it('writes a JSON line naming the read models newer code built when this instance gives the projections up', () => {
    const written: unknown[][] = [];
    const log = new ProjectionFailureLog({ warn: (...args: unknown[]) => written.push(args) } as unknown as Logger);
    log.onModuleInit();
    projectionsGivenUpToNewerCode.publish(['commitments']);
    log.onModuleDestroy();
    expect(written).toEqual([
      [{ readModels: ['commitments'] }, 'read models were built by newer code: this instance leads the projections no more'],
    ]);
  });
});
