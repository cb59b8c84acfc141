import { Injectable, type OnModuleInit } from '@nestjs/common';
import { addDays } from '@cf/core';
import { EventSourcing } from '@cf/ledger';
import { DaysWithCustomers } from '@cf/projects';
import { contactsReadModel } from '../read-model/contacts.read-model.js';

/** A session of `days` from `date` spans whole dates: its last one (a half day is its date alone). */
const lastDateOf = (session: { date: string; days: number }): string => addDays(session.date, Math.ceil(session.days) - 1);

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
      return sessions.map(lastDateOf).reduce<string | null>((last, date) => (last === null || date > last ? date : last), null);
    });
  }
}
