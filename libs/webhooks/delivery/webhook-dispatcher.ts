import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EventSourcing } from '@cf/ledger';
import { PersonalData } from '@cf/personal-data';
import { TargetHosts } from '../access/target-addresses.js';
import { type DeliverySettings } from './delivery-settings.js';
import { type DueDelivery, deliveryQueue } from './delivery-queue.js';
import { deliveryAttempt } from './delivery-attempt.js';
import { readThrough } from './read-through.js';
import { registrantStanding } from './registrant-standing.js';
import { timedNotices } from './timed-notices.js';
import { PassPause } from './pass-pause.js';
import { WarnedOnce, reasonOf } from '@cf/core';

export const DELIVERY_SETTINGS = Symbol('DELIVERY_SETTINGS');

const DAY_MS = 86_400_000;

/** How often finished deliveries past their retention are dropped. */
const PRUNE_EVERY_MS = 3_600_000;

/**
 * Sends what the outbox holds, on the instance that leads the projections only. Each pass takes
 * the due deliveries in log order, at most `concurrency` in flight per webhook, and claims each
 * attempt before making it. Commands never wait for it: a receiver that is down slows nothing.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('WebhookDispatcher');
  private readonly inFlight = new Map<string, number>();
  private readonly sending = new Set<Promise<void>>();
  private running = false;
  private readonly passes = new WarnedOnce((message) => this.logger.warn(message));
  private readonly timedNoticesWritten = new WarnedOnce((message) => this.logger.warn(message));
  /** Set by a process that runs the app for something else (`cli seed`): it sends nothing. */
  private idle = false;
  private prunedAt = 0;
  private loop: Promise<void> | undefined;
  private readonly pause = new PassPause();
  private readonly timed: ReturnType<typeof timedNotices>;
  private readonly readThrough: ReturnType<typeof readThrough>;
  private readonly attempt: (delivery: DueDelivery, now: Date) => Promise<void>;

  constructor(
    private readonly eventSourcing: EventSourcing,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
    hosts: TargetHosts,
    personalData: PersonalData,
  ) {
    this.timed = timedNotices(eventSourcing.readModels, settings);
    this.attempt = deliveryAttempt({
      readModels: eventSourcing.readModels,
      settings,
      hosts,
      personalData,
      registrantManages: registrantStanding(eventSourcing.store, eventSourcing.readModels),
      logger: this.logger,
    });
    this.readThrough = readThrough(
      () => eventSourcing.store.headPosition(),
      () => eventSourcing.runner.slowestPosition(),
    );
  }

  /** Keeps this instance from sending: called before the app starts. */
  stayIdle(): void {
    this.idle = true;
  }

  onApplicationBootstrap(): void {
    if (this.idle) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops before the ledger closes the read models: the attempts in flight finish and are recorded. */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.pause.wake();
    await this.loop;
    await Promise.all([...this.sending]);
  }

  /** One pass: writes the notices time has made due (as far as the read models reach), then claims and starts every due attempt it may. */
  async dispatchDue(now = new Date()): Promise<number> {
    // Not while the outbox is rebuilt at start: a webhook row not yet at the log's head may hold a rotated-out secret.
    if (!this.mayDispatch()) return 0;
    const through = await this.readThrough(now);
    // Notices time makes due are written apart: a failure there must not keep owed deliveries from going out.
    if (through) await this.writeTimedNotices(through);
    const queue = deliveryQueue(this.eventSourcing.readModels);
    if (now.getTime() - this.prunedAt >= PRUNE_EVERY_MS) {
      await queue.prune(new Date(now.getTime() - this.settings.retentionDays * DAY_MS));
      this.prunedAt = now.getTime();
    }
    let started = 0;
    const busy = [...this.inFlight].filter(([, count]) => count >= this.settings.concurrency).map(([webhookId]) => webhookId);
    for (const delivery of await queue.due(now, 100, busy)) {
      if ((this.inFlight.get(delivery.webhookId) ?? 0) >= this.settings.concurrency) continue;
      if (!(await queue.claim(delivery, now, this.settings.timeoutMs + 5_000))) continue;
      this.inFlight.set(delivery.webhookId, (this.inFlight.get(delivery.webhookId) ?? 0) + 1);
      const attempt = this.attempt(delivery, now)
        // Its claim lapses and it is tried again: an unexpected failure of one attempt never ends the process.
        .catch((error: unknown) => this.logger.error(`delivery ${delivery.deliveryId} failed unexpectedly: ${reasonOf(error)}`))
        .finally(() => {
          this.sending.delete(attempt);
          const left = (this.inFlight.get(delivery.webhookId) ?? 1) - 1;
          if (left > 0) this.inFlight.set(delivery.webhookId, left);
          else this.inFlight.delete(delivery.webhookId);
          this.pause.wake();
        });
      this.sending.add(attempt);
      started += 1;
    }
    return started;
  }

  private mayDispatch(): boolean {
    return this.eventSourcing.runner.isLeading() && this.eventSourcing.runner.hasCaughtUp();
  }

  private async writeTimedNotices(through: Date): Promise<void> {
    try {
      await this.timed.firstResponsesOverdue(through);
      await this.timed.contactDaysBelowTarget(through);
      this.timedNoticesWritten.succeeded();
    } catch (error) {
      this.timedNoticesWritten.failed(`timed webhook notices could not be written; deliveries go on: ${reasonOf(error)}`);
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        // A pass that found it may not send (its lead lost in the outage, say) reached no database: no sign of one back.
        if (this.mayDispatch()) {
          await this.dispatchDue();
          if (this.passes.succeeded()) this.logger.log('webhook dispatch passes succeed again');
        }
      } catch (error) {
        this.passes.failed(
          `webhook dispatch pass failed; trying again every ${this.settings.pollMs} ms, quietly until one succeeds: ${reasonOf(error)}`,
        );
      }
      await this.pause.wait(this.settings.pollMs);
    }
  }
}
