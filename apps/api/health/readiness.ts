import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { ReadModelsAheadOfLog } from '@cf/event-store';
import { EventSourcing } from '@cf/ledger';
import type { Logger } from 'pino';
import { OPERATIONS_CONFIG, type OperationsConfig } from '../observability/operations-config.js';
import { OPERATIONS_LOG } from '../logging/operations-log.js';
import { OneAtATime } from './one-at-a-time.js';
import { ReadinessChanges } from './readiness-changes.js';
import { publicStoreFailure } from './store-failure.js';

/**
 * What an instance needs to serve: a store and read models that answer within READY_STORE_TIMEOUT_MS,
 * and read models at most READY_MAX_PROJECTION_LAG events behind the log. A failing check is named in
 * the 503 answer with its reason (a store's own message only in the log: publicStoreFailure).
 */
@Injectable()
export class Readiness {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly eventSourcing: EventSourcing,
    @Inject(OPERATIONS_CONFIG) private readonly config: OperationsConfig,
    @Inject(OPERATIONS_LOG) private readonly log: Logger,
  ) {
    this.heads = new OneAtATime(config.readiness.storeTimeoutMs);
    this.readModelAnswers = new OneAtATime(config.readiness.storeTimeoutMs);
    this.unprojected = new OneAtATime(config.readiness.storeTimeoutMs);
    this.changes = new ReadinessChanges(log);
  }

  /** The log's head and the read models' answer, each asked once for the probes that come while it is asked. */
  private readonly heads: OneAtATime<bigint>;
  private readonly readModelAnswers: OneAtATime<void>;
  private readonly unprojected: OneAtATime<readonly string[]>;

  private readonly changes: ReadinessChanges;

  /** A probe's answer, passed through; its changes written to the log (ReadinessChanges). */
  answered<Answer>(checked: Promise<Answer>): Promise<Answer> {
    return this.changes.answered(checked);
  }

  /** The log's head, one read shared by every probe (/health too) that comes while it is read. */
  logHead(): Promise<bigint> {
    return this.heads.run(() => this.eventSourcing.store.headPosition());
  }

  private head(): Promise<bigint> {
    return this.logHead().catch((error: unknown) => {
      throw publicStoreFailure(error, this.log, '/health/ready');
    });
  }

  store(): PromiseLike<HealthIndicatorResult<'store'>> {
    return this.indicators
      .check('store')
      .attempt(async () => ({
        kind: this.eventSourcing.store.name,
        headPosition: (await this.head()).toString(),
      }))
      .withTimeout(this.config.readiness.storeTimeoutMs);
  }

  /**
   * The read models answer every query: they live apart from the log (their own file on SQLite,
   * schema on PostgreSQL), so a store that answers says nothing of them (a read schema dropped,
   * an unreadable file), and an instance whose every query would fail takes no traffic.
   */
  readModels(): PromiseLike<HealthIndicatorResult<'readModels'>> {
    return this.indicators
      .check('readModels')
      .attempt(async () => {
        await this.readModelAnswers.run(async () => {
          await this.eventSourcing.readModels
            .selectFrom('projection_checkpoints')
            .select('name')
            .limit(1)
            .execute()
            .catch((error: unknown) => {
              throw publicStoreFailure(error, this.log, '/health/ready', Date.now(), 'the read models');
            });
        });
        return { answering: true };
      })
      .withTimeout(this.config.readiness.storeTimeoutMs);
  }

  /**
   * Its share of the store (StoreClaim): while a lost share is taken again, a job may hold the
   * store, so this instance takes no traffic until it has the share back.
   */
  storeClaim(): PromiseLike<HealthIndicatorResult<'storeClaim'>> {
    return this.indicators.check('storeClaim').attempt(async () => {
      if (!this.eventSourcing.holdsStore())
        throw new Error('this instance lost its share of the store and takes it again once a second; a job may hold the store meanwhile');
      return { held: true };
    });
  }

  /** A leader's catch-up since its start: until it reached the head, operations are refused (refuseWhileCatchingUp). */
  caughtUp(): PromiseLike<HealthIndicatorResult<'caughtUp'>> {
    return this.indicators.check('caughtUp').attempt(async () => {
      const { runner } = this.eventSourcing;
      if (runner.hasCaughtUp()) return { caughtUp: true };
      // A catch-up that cannot go on says why: read models ahead of the log in our own words; any
      // other error (a driver's, naming hosts and users) only in the log, as the store's (publicStoreFailure).
      const failure = runner.failure();
      if (failure instanceof ReadModelsAheadOfLog) throw new Error(`the read models cannot catch up with the log: ${failure.message}`);
      if (failure)
        throw new Error(
          'the read models cannot catch up with the log: the projections stopped on an error, which the operations log names',
        );
      throw new Error(`the read models are catching up with the log since this instance started, at position ${runner.slowestPosition()}`);
    });
  }

  /**
   * Someone projects the read models: an instance of older code serves from read models newer
   * code built, which only that code may project, so with none of it running the instance takes
   * no traffic (its mutations would wait for read models nobody writes) and says what to do. A
   * lock that does not answer in time (a slow connect) counts as held: the store's own check says
   * whether the store is slow, and a newer leader's instances must not all turn away meanwhile.
   */
  projectionsLed(): PromiseLike<HealthIndicatorResult<'projectionsLed'>> {
    return this.indicators.check('projectionsLed').attempt(async () => {
      const asked = this.unprojected.run(() => this.eventSourcing.runner.newerReadModelsNobodyProjects());
      const unprojected = await Promise.race([asked, answeredAfter(this.config.readiness.storeTimeoutMs / 2, [])]);
      if (unprojected.length > 0)
        throw new Error(
          `read models ${unprojected.join(', ')} were built by newer code and no instance of it runs, so nothing written is projected: start the newer code, or roll back as README says (Operating it)`,
        );
      return { led: true };
    });
  }

  projectionLag(): PromiseLike<HealthIndicatorResult<'projectionLag'>> {
    const maxLag = this.config.readiness.maxProjectionLag;
    return this.indicators
      .check('projectionLag')
      .attempt(async () => {
        const lag = Number((await this.head()) - this.eventSourcing.runner.slowestPosition());
        if (lag > maxLag) throw new Error(`the slowest projection is ${lag} events behind the log; at most ${maxLag} are allowed`);
        return { lag, maxLag };
      })
      .withTimeout(this.config.readiness.storeTimeoutMs);
  }
}

/** `answer`, after ms: a bound on a check that may hang, without keeping the process up. */
const answeredAfter = <T>(ms: number, answer: T): Promise<T> => new Promise((resolve) => setTimeout(() => resolve(answer), ms).unref());
