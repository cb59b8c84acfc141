import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainError } from '@cf/core';
import { EventSourcing, PROJECTION_WAIT_MS } from '@cf/ledger';
import { DaysWithCustomers } from '@cf/projects';
import { lastDayOf } from '../domain/session.days.js';
import { contactsReadModel } from '../read-model/contacts.read-model.js';

/** Tells the projects context the last day a member spent with customers, from the sessions this context keeps. */
@Injectable()
export class DaysWithCustomersFromSessions implements OnModuleInit {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly days: DaysWithCustomers,
  ) {}

  onModuleInit(): void {
    this.days.knownBy(async (projectId, userId) => {
      await this.sessionsAppliedUpToTheHead();
      const sessions = await contactsReadModel(this.eventSourcing.readModels).sessionsAttendedBy(projectId, userId);
      return sessions
        .map((session) => lastDayOf(session.date, session.days))
        .reduce<string | null>((last, date) => (last === null || date > last ? date : last), null);
    });
  }

  /**
   * Every session the log holds when the removal is decided, whichever instance logged it, is in
   * the read model before it is asked: a session logged a moment before is never missed.
   */
  private async sessionsAppliedUpToTheHead(): Promise<void> {
    const head = await this.eventSourcing.store.headPosition();
    if (!(await this.eventSourcing.runner.waitFor(head, PROJECTION_WAIT_MS)))
      throw DomainError.unavailable('the sessions logged so far are not readable yet: nothing was removed; send the removal again');
  }
}
