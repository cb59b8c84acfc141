import { derivedId } from '@cf/core';
import type { ReportingEvent, StatusAssessed, StatusReported, StatusSubjectType } from './reporting.events.js';

export type LatestReport = Omit<StatusReported['data'], 'reportId' | 'subjectId' | 'subjectType' | 'projectId' | 'title'>;
export type LatestAssessment = Omit<StatusAssessed['data'], 'subjectId' | 'subjectType' | 'projectId' | 'title'>;

/** A report's id; one recorded before reports had ids gets one derived from its place in the stream. */
export const reportIdOf = (data: StatusReported['data'], revision: number): string =>
  data.reportId ?? derivedId(`status-${data.subjectId}@${revision}`);

/** What was last told about one subject and how it really stands, and whom each report was to. */
export interface ReportingState {
  projectId: string | null;
  subjectId: string | null;
  subjectType: StatusSubjectType | null;
  title: string | null;
  latestReport: LatestReport | null;
  latestAssessment: LatestAssessment | null;
  /** The contact told, by report id: only they may acknowledge it. */
  toldTo: Record<string, string>;
  /** Their latest word on each report they acknowledged, by report id. */
  acknowledged: Record<string, { agrees: boolean; note?: string }>;
  /** Events so far (the next event's revision). */
  revision: number;
}

export const initialState = (): ReportingState => ({
  projectId: null,
  subjectId: null,
  subjectType: null,
  title: null,
  latestReport: null,
  latestAssessment: null,
  toldTo: {},
  acknowledged: {},
  revision: 0,
});

const evolveSubject = (state: ReportingState, event: ReportingEvent): ReportingState => {
  switch (event.type) {
    case 'StatusReported': {
      const { reportId: _id, subjectId, subjectType, projectId, title, ...latestReport } = event.data;
      const toldTo = { ...state.toldTo, [reportIdOf(event.data, state.revision)]: latestReport.toldToId };
      return { ...state, subjectId, subjectType, projectId, title, latestReport, toldTo };
    }
    case 'StatusAssessed': {
      const { subjectId, subjectType, projectId, title, ...latestAssessment } = event.data;
      return { ...state, subjectId, subjectType, projectId, title, latestAssessment };
    }
    case 'StatusAcknowledged': {
      const { reportId, agrees, note } = event.data;
      return { ...state, acknowledged: { ...state.acknowledged, [reportId]: { agrees, ...(note === undefined ? {} : { note }) } } };
    }
    default:
      return state;
  }
};

export const evolve = (state: ReportingState, event: ReportingEvent): ReportingState => ({
  ...evolveSubject(state, event),
  revision: state.revision + 1,
});
