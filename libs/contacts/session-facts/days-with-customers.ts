import { Injectable, type OnModuleInit } from '@nestjs/common';
import { idOfStream, streamName } from '@cf/core';
import { foldStream } from '@cf/event-store';
import { EventSourcing, type FactsOnRecord, kindPastReadModels } from '@cf/ledger';
import { DaysWithCustomers } from '@cf/projects';
import { lastDayOf } from '../domain/session.days.js';
import { sessionDecider } from '../domain/session.decide.js';
import { contactsReadModel } from '../read-model/contacts.read-model.js';

type Attended = { id: string; date: string; days: number };

/**
 * Tells the projects context the last day a member spent with customers, from the sessions this
 * context keeps: the read model brought up to the log's head, and the sessions logged or corrected
 * past it read from the log, so a session logged a moment before the removal, on any instance,
 * counts; and the project's sessions held unchanged since the last position read, so one logged
 * or corrected after it makes the removal be decided again (UnchangedSince).
 */
@Injectable()
export class DaysWithCustomersFromSessions implements OnModuleInit {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly days: DaysWithCustomers,
  ) {}

  onModuleInit(): void {
    this.days.knownBy(async (projectId, userId, onRecord) => {
      const sessions = await this.sessionsAttended(projectId, userId, onRecord);
      return sessions
        .map((session) => lastDayOf(session.date, session.days))
        .reduce<string | null>((last, date) => (last === null || date > last ? date : last), null);
    });
  }

  private async sessionsAttended(projectId: string, userId: string, onRecord: FactsOnRecord): Promise<Attended[]> {
    const since = await kindPastReadModels(this.eventSourcing, onRecord, { streamPrefix: 'session-', projectId }, 'the removal');
    const stored = await contactsReadModel(this.eventSourcing.readModels).sessionsAttendedBy(projectId, userId);
    const movedIds = [...new Set(since.map((event) => idOfStream(event.stream)))];
    const moved = await Promise.all(
      movedIds.map(async (id) => ({
        id,
        ...(await foldStream(this.eventSourcing.store, sessionDecider, streamName('session', id))).state,
      })),
    );
    const attended = moved.filter((session) => !session.voided && session.developers.some((developer) => developer.userId === userId));
    return [...stored.filter((session) => !movedIds.includes(session.id)), ...attended];
  }
}
