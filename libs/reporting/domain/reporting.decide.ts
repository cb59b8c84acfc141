import { DomainError, oneOf, referencedFact, requiredText, type Decider } from '@cf/core';
import { acknowledgeStatus, type AcknowledgeStatus } from './reporting.acknowledge.js';
import { reportingErrors } from './reporting.errors.js';
import { ASSESSED_STATUSES, TOLD_STATUSES, type ActualStatus, type ReportingEvent, type ToldStatus } from './reporting.events.js';
import { evolve, initialState, type ReportingState } from './reporting.state.js';
import { type StatusSubjectFact, subjectOf } from './status-subject.js';

export type { StatusSubjectFact } from './status-subject.js';

interface CommandMeta {
  at: string;
  actor: { userId: string; name: string };
  projectId: string;
  subjectId: string;
  subject: StatusSubjectFact | null;
}

export type { AcknowledgeStatus } from './reporting.acknowledge.js';

export type ReportStatus = CommandMeta & {
  type: 'ReportStatus';
  /** A new id for this report (made by the handler). */
  reportId: string;
  toldStatus: ToldStatus;
  toldPercentComplete?: number;
  toldToId: string;
  toldTo: { id: string; projectId: string; forgotten?: boolean } | null;
  message: string;
};

export type AssessStatus = CommandMeta & {
  type: 'AssessStatus';
  actualStatus: ActualStatus;
  actualPercentComplete?: number;
  note: string;
};

export type ReportingCommand = ReportStatus | AssessStatus | AcknowledgeStatus;

/** Percent complete is optional; when given, a whole number from 0 to 100. */
const percent = (field: string, value: number | undefined): { [key: string]: number } => {
  if (value === undefined) return {};
  if (!Number.isInteger(value) || value < 0 || value > 100) {
    throw DomainError.badInput(field, 'must be a whole number from 0 to 100');
  }
  return { [field]: value };
};

/**
 * The real state is what every report is held against, so it may not contradict itself: DONE is
 * 100 %, NOT_STARTED 0 %. (What the customer was told is recorded as said, however it reads.)
 */
const agreesWithPercent = (status: string, percentComplete: number | undefined): void => {
  const implied = status === 'DONE' ? 100 : status === 'NOT_STARTED' ? 0 : undefined;
  if (percentComplete !== undefined && implied !== undefined && percentComplete !== implied) {
    throw reportingErrors.statusAgreesWithPercent(status, implied);
  }
};

const by = (actor: { userId: string; name: string }) => ({ userId: actor.userId, name: actor.name });

export const decide = (command: ReportingCommand, state: ReportingState): ReportingEvent[] => {
  switch (command.type) {
    case 'ReportStatus': {
      const subject = subjectOf(command, state);
      const toldStatus = oneOf('toldStatus', command.toldStatus, TOLD_STATUSES);
      // Of what ended only DROPPED is true: any other status tells the customer it is still under way.
      const ended = command.subject?.ended;
      if (ended && toldStatus !== 'DROPPED') throw reportingErrors.subjectNotEnded(subject.title, ended);
      if (!ended && toldStatus === 'DROPPED') throw reportingErrors.onlyEndedIsDropped(subject.title);
      const toldPercentComplete = percent('toldPercentComplete', command.toldPercentComplete);
      const message = requiredText('message', command.message);
      referencedFact({ entity: 'Contact', field: 'toldToId' }, command.toldToId, command.toldTo, command.projectId);
      return [
        {
          type: 'StatusReported',
          data: {
            reportId: command.reportId,
            ...subject,
            toldStatus,
            ...toldPercentComplete,
            toldToId: command.toldToId,
            message,
            reportedBy: by(command.actor),
            at: command.at,
          },
        },
      ];
    }
    case 'AssessStatus': {
      const subject = subjectOf(command, state);
      if (command.subject?.ended) throw reportingErrors.endedIsNotAssessed(subject.title, command.subject.ended);
      const actualStatus = oneOf('actualStatus', command.actualStatus, ASSESSED_STATUSES);
      const actualPercentComplete = percent('actualPercentComplete', command.actualPercentComplete);
      agreesWithPercent(actualStatus, command.actualPercentComplete);
      // The real state is what a report is held against: an assessment says why, like every correction.
      const note = requiredText('note', command.note, 20_000);
      return [
        {
          type: 'StatusAssessed',
          data: {
            ...subject,
            actualStatus,
            ...actualPercentComplete,
            note,
            assessedBy: by(command.actor),
            at: command.at,
          },
        },
      ];
    }
    case 'AcknowledgeStatus':
      return acknowledgeStatus(command, state);
  }
};

export const reportingDecider: Decider<ReportingCommand, ReportingEvent, ReportingState> = {
  initialState,
  evolve,
  decide,
};
