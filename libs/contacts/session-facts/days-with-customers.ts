import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventSourcing } from '@cf/ledger';
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
      const sessions = await contactsReadModel(this.eventSourcing.readModels).sessionsAttendedBy(projectId, userId);
      return sessions
        .map((session) => lastDayOf(session.date, session.days))
        .reduce<string | null>((last, date) => (last === null || date > last ? date : last), null);
    });
  }
}
