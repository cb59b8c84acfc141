import { DomainError, boundedText, nothingToChange, optionalText } from '@cf/core';
import type { ProjectRole } from '@cf/projects';
import { reportingErrors } from './reporting.errors.js';
import type { ReportingEvent } from './reporting.events.js';
import type { ReportingState } from './reporting.state.js';

export interface AcknowledgeStatus {
  type: 'AcknowledgeStatus';
  at: string;
  actor: { userId: string; name: string };
  subjectId: string;
  reportId: string;
  agrees: boolean;
  note?: string | null;
  /** Who acknowledges: their role in the project and, for a CUSTOMER member, the contact they are. */
  acknowledger: { role: ProjectRole; contactId: string | null };
}

/**
 * The customer's own word on what they were told: only the CUSTOMER member linked to the contact
 * told acknowledges a report; a later acknowledgement of the same report replaces the earlier.
 */
export const acknowledgeStatus = (command: AcknowledgeStatus, state: ReportingState): ReportingEvent[] => {
  const contactId = state.toldTo[command.reportId];
  if (contactId === undefined || state.projectId === null || state.subjectId === null)
    throw reportingErrors.reportNotFound(command.reportId);
  const { role, contactId: acknowledgerContact } = command.acknowledger;
  if (role !== 'CUSTOMER' || acknowledgerContact !== contactId) throw reportingErrors.acknowledgedByContactTold();
  if (typeof command.agrees !== 'boolean') throw DomainError.badInput('agrees', 'must be true or false');
  const note = command.note == null ? undefined : optionalText(boundedText('note', command.note, 20_000));
  // Saying again what they said last is no new word: it would only lengthen the record.
  const earlier = state.acknowledged[command.reportId];
  if (earlier && earlier.agrees === command.agrees && (earlier.note ?? '') === (note ?? '')) {
    throw nothingToChange({ agrees: command.agrees, note: command.note ?? undefined }, ['agrees', 'note']);
  }
  return [
    {
      type: 'StatusAcknowledged',
      data: {
        reportId: command.reportId,
        subjectId: state.subjectId,
        projectId: state.projectId,
        contactId,
        agrees: command.agrees,
        ...(note === undefined ? {} : { note }),
        acknowledgedBy: { userId: command.actor.userId, name: command.actor.name },
        at: command.at,
      },
    },
  ];
};
