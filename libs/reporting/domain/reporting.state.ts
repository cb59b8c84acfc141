import type { ReportingEvent, StatusAssessed, StatusReported, StatusSubjectType } from './reporting.events.js';

export type LatestReport = Omit<StatusReported['data'], 'subjectId' | 'subjectType' | 'projectId' | 'title'>;
export type LatestAssessment = Omit<StatusAssessed['data'], 'subjectId' | 'subjectType' | 'projectId' | 'title'>;

/** What was last told about one subject and how it really stands. */
export interface ReportingState {
  projectId: string | null;
  subjectId: string | null;
  subjectType: StatusSubjectType | null;
  title: string | null;
  latestReport: LatestReport | null;
  latestAssessment: LatestAssessment | null;
}
export type State = ReportingState;

export const initialState = (): ReportingState => ({
  projectId: null,
  subjectId: null,
  subjectType: null,
  title: null,
  latestReport: null,
  latestAssessment: null,
});

export const evolve = (state: ReportingState, event: ReportingEvent): ReportingState => {
  switch (event.type) {
    case 'StatusReported': {
      const { subjectId, subjectType, projectId, title, ...latestReport } = event.data;
      return { ...state, subjectId, subjectType, projectId, title, latestReport };
    }
    case 'StatusAssessed': {
      const { subjectId, subjectType, projectId, title, ...latestAssessment } = event.data;
      return { ...state, subjectId, subjectType, projectId, title, latestAssessment };
    }
    default:
      return state;
  }
};
