import { oneOf } from '@cf/core';
import { reportingErrors } from './reporting.errors.js';
import { STATUS_SUBJECT_TYPES, type StatusSubjectType } from './reporting.events.js';
import type { ReportingState } from './reporting.state.js';

/** The subject looked up by the handler (a request, requirement or commitment), null when unknown. */
export interface StatusSubjectFact {
  id: string;
  projectId: string;
  type: StatusSubjectType;
  title: string;
  /** How it ended, when nothing can be under way any more (a requirement removed, a request or commitment withdrawn, a commitment rejected). */
  ended?: string;
}

/** What a report or an assessment says of its subject. */
interface SubjectCommand {
  projectId: string;
  subjectId: string;
  subject: StatusSubjectFact | null;
}

/**
 * The subject must exist in the command's project, and the stream keeps to one project.
 * Returns the facts every event of the stream repeats.
 */
export const subjectOf = (command: SubjectCommand, state: ReportingState) => {
  const subject = command.subject;
  // Another project's subject reads as none, as every referenced id of another project does (referencedFact).
  if (subject === null || subject.projectId !== command.projectId) throw reportingErrors.subjectNotFound(command.subjectId);
  if (subject.id !== command.subjectId) throw reportingErrors.sameSubject(command.subjectId, subject.id);
  if (state.projectId !== null && state.projectId !== command.projectId) {
    throw reportingErrors.sameProject(command.subjectId);
  }
  return {
    subjectId: command.subjectId,
    subjectType: oneOf('subject.type', subject.type, STATUS_SUBJECT_TYPES),
    projectId: command.projectId,
    title: subject.title,
  };
};
