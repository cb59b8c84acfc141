import { EventEmitter } from 'node:events';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';
import { WarnedOnce, reasonOf } from '@cf/core';
import type { RecordedEvent } from '@cf/event-store';
import { EventSourcing } from '@cf/ledger';
import { type MemberStayRow, projectsReadModel } from '@cf/projects';
import type { ProjectActivity } from '../graphql/audit.types.js';
import { projectNamedBy } from '../read-model/audit.projection.js';
import { auditReadModel } from '../read-model/audit.read-model.js';
import { A_CONTACTS_MEMBER, actedAsCustomer, activitySummary } from './activity-summary.js';

const topicOf = (projectId: string): string => `project-activity:${projectId}`;

type StaysByProject = Map<string, Promise<readonly MemberStayRow[]>>;

/**
 * Publishes every event to the subscribers of its project, after it is stored AND applied by
 * the read models (so a subscriber that queries on a notice reads it). It follows the store on
 * its own (like another reader), never from inside a projection, whose transaction may roll back.
 * It starts with the first subscriber, from the head of the log at that moment; while nobody
 * subscribes it reads no events (only where the head is), and it reads an event's project and
 * actor only for a project someone follows.
 */
@Injectable()
export class ActivityFeed implements OnModuleDestroy {
  // Every subscriber is a listener of its project's topic: no fixed limit on how many.
  private readonly topics = new EventEmitter().setMaxListeners(0);
  private readonly pubSub = new PubSub<Record<string, ProjectActivity>>({ eventEmitter: this.topics });
  /**
   * Subscriptions not yet ended, counted from subscribe() on. Only while there are none does the
   * feed move to the head without reading; a subscriber listens on its topic from its first
   * next(), and what is published before that (as ever) does not reach it.
   */
  private subscribers = 0;
  private loop: Promise<void> | undefined;
  private started: Promise<void> | undefined;
  private running = true;
  private readonly logger = new Logger('ActivityFeed');
  /** One line per outage (the database gone a while), not one a second. */
  private readonly failing = new WarnedOnce((message) => this.logger.warn(message));

  constructor(private readonly eventSourcing: EventSourcing) {}

  async subscribe(projectId: string): Promise<AsyncIterableIterator<ProjectActivity>> {
    this.subscribers += 1;
    const started = (this.started ??= this.start());
    try {
      await started;
    } catch (error) {
      this.subscribers -= 1;
      // Not kept: a start that failed (the store down a moment) is made again by the next subscriber.
      if (this.started === started) this.started = undefined;
      throw error;
    }
    return this.counted(this.pubSub.asyncIterableIterator<ProjectActivity>(topicOf(projectId)));
  }

  /** The subscription, counted out once when it ends (return or throw: graphql-ws ends it so on every close). */
  private counted(activities: AsyncIterableIterator<ProjectActivity>): AsyncIterableIterator<ProjectActivity> {
    let ended = false;
    const leave = () => {
      if (!ended) this.subscribers -= 1;
      ended = true;
    };
    return {
      next: () => activities.next(),
      return: (value?: unknown) => (leave(), activities.return?.(value) ?? Promise.resolve({ done: true, value: undefined })),
      throw: (error?: unknown) => (leave(), activities.throw?.(error) ?? Promise.reject(error)),
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  async onModuleDestroy(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  private async start(): Promise<void> {
    const head = await this.eventSourcing.store.headPosition();
    this.loop = this.follow(head);
  }

  private async follow(from: bigint): Promise<void> {
    let position = from;
    while (this.running) {
      try {
        if (!(await this.eventSourcing.store.waitForEvents(position, 500))) {
          this.readsAgain(); // answered with nothing new (on PostgreSQL it read the head): the log is back
          continue;
        }
        if (!this.running) continue;
        if (this.subscribers === 0) {
          // The head read first: one who subscribes meanwhile is counted by the time it is taken, and the events are read.
          const head = await this.eventSourcing.store.headPosition();
          this.readsAgain();
          if (this.subscribers === 0) position = head;
          continue;
        }
        const page = await this.eventSourcing.store.readAll({ after: position, limit: 500 });
        this.readsAgain();
        if (page.length === 0) continue;
        // Not yet applied: the page is read again, never published early (a subscriber would query
        // read models without it, and a stream's project may be known to them only).
        if (!(await this.eventSourcing.runner.waitFor(page[page.length - 1].position, 10_000))) continue;
        const stays: StaysByProject = new Map();
        for (const event of page) await this.publish(event, stays);
        position = page[page.length - 1].position;
      } catch (error) {
        if (!this.running) return;
        this.failing.failed(`activity feed stopped on an error; retrying every second, quietly until it follows again: ${reasonOf(error)}`);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  }

  /** Said once the log answers again after a warning, whether or not anyone subscribes by then. */
  private readsAgain(): void {
    if (this.failing.succeeded()) this.logger.log('the activity feed reads the log again');
  }

  /** `stays`: each project's member stays, read once a page for a project someone follows. */
  private async publish(event: RecordedEvent, stays: StaysByProject): Promise<void> {
    if (this.topics.eventNames().length === 0) return;
    const projectId = projectNamedBy(event) ?? (await auditReadModel(this.eventSourcing.readModels).projectOfStream(event.stream));
    if (!projectId || this.topics.listenerCount(topicOf(projectId)) === 0) return;
    const projectStays = stays.get(projectId) ?? this.staysOf(projectId);
    stays.set(projectId, projectStays);
    const known = await projectStays;
    const customer = (userId: unknown) => typeof userId === 'string' && actedAsCustomer(known, userId, event.position);
    const actor = customer(event.metadata.actor.userId) ? A_CONTACTS_MEMBER : event.metadata.actor.name;
    await this.pubSub.publish(topicOf(projectId), {
      position: event.position.toString(),
      stream: event.stream,
      type: event.type,
      occurredAt: event.metadata.occurredAt,
      actor: { name: actor },
      summary: activitySummary(event, actor, customer),
    });
  }

  /** Every stay of every member of the project, ended ones too (removed, or their contact forgotten). */
  protected staysOf(projectId: string): Promise<readonly MemberStayRow[]> {
    return projectsReadModel(this.eventSourcing.readModels).stays(projectId);
  }
}
