/**
 * What the customer can be told about a subject. DROPPED, that it will not be done, is told only
 * of what ended (a request or commitment withdrawn, a commitment rejected, a requirement removed).
 */
export const TOLD_STATUSES = ['ON_TRACK', 'AT_RISK', 'LATE', 'DONE', 'DROPPED'] as const;
export type ToldStatus = (typeof TOLD_STATUSES)[number];

/** The real state of a subject, as the team assesses it internally. */
export const ASSESSED_STATUSES = ['NOT_STARTED', 'ON_TRACK', 'AT_RISK', 'BLOCKED', 'DONE'] as const;
/** The real state of a subject: as assessed, or DROPPED by the ledger's own record of its end (endedState). */
export const ACTUAL_STATUSES = [...ASSESSED_STATUSES, 'DROPPED'] as const;
export type ActualStatus = (typeof ACTUAL_STATUSES)[number];

/** What a status report can be about. */
export const STATUS_SUBJECT_TYPES = ['REQUEST', 'REQUIREMENT', 'COMMITMENT'] as const;
export type StatusSubjectType = (typeof STATUS_SUBJECT_TYPES)[number];

export interface Reporter {
  userId: string;
  name: string;
}

export type StatusReported = {
  type: 'StatusReported';
  data: {
    /** Absent on reports recorded before reports had ids: see reportIdOf. */
    reportId?: string;
    subjectId: string;
    subjectType: StatusSubjectType;
    projectId: string;
    title: string;
    toldStatus: ToldStatus;
    toldPercentComplete?: number;
    toldToId: string;
    message: string;
    reportedBy: Reporter;
    at: string;
  };
};

export type StatusAssessed = {
  type: 'StatusAssessed';
  data: {
    subjectId: string;
    subjectType: StatusSubjectType;
    projectId: string;
    title: string;
    actualStatus: ActualStatus;
    actualPercentComplete?: number;
    note: string;
    assessedBy: Reporter;
    at: string;
  };
};

/** The contact told says whether they agree with a report to them (`agrees: false` = disputed). */
export type StatusAcknowledged = {
  type: 'StatusAcknowledged';
  data: {
    reportId: string;
    subjectId: string;
    projectId: string;
    /** The contact the report was made to, who acknowledges it through their CUSTOMER member. */
    contactId: string;
    agrees: boolean;
    note?: string;
    acknowledgedBy: Reporter;
    at: string;
  };
};

export type ReportingEvent = StatusReported | StatusAssessed | StatusAcknowledged;

/**
 * Each report, assessment and acknowledgement states the whole of what it says: what it leaves
 * out, it no longer says (history). A dispute's reason taken back is so shown as cleared.
 */
export const WHOLE_STATEMENTS: ReadonlySet<ReportingEvent['type']> = new Set(['StatusReported', 'StatusAssessed', 'StatusAcknowledged']);

/**
 * An acknowledgement's note is what the contact says of the report, shown with it where a
 * dispute is its reason (statusReports, perceptionGaps): history holds it against their last
 * acknowledgement of the report, as it holds `agrees`, not as a revision's why.
 */
export const REPORT_HELD_AGAINST_THE_LAST: Readonly<Partial<Record<ReportingEvent['type'], readonly string[]>>> = {
  StatusAcknowledged: ['note'],
};

/**
 * Which report a report or an acknowledgement is: a report is a statement of its own, so history
 * shows its id with it, never as the earlier report's id changed into this one.
 */
export const REPORT_OCCASIONS: Readonly<Partial<Record<ReportingEvent['type'], readonly string[]>>> = {
  StatusReported: ['reportId'],
  StatusAcknowledged: ['reportId'],
};
