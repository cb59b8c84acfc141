import type {
  Actor,
  CommitmentClassification,
  CommitmentEvent,
  CommitmentStatus,
} from './commitments.events.js';

export interface CommitmentState {
  exists: boolean;
  commitmentId: string | null;
  projectId: string | null;
  status: CommitmentStatus | null;
  summary: string | null;
  estimateHours: number;
  requirementIds: string[];
  requestIds: string[];
  madeBy: Actor | null;
  madeToId: string | null;
  classification: CommitmentClassification | null;
  /** 0 when made; each CommitmentRevised counts one up. */
  revision: number;
  dueDate: string | null;
  madeAt: string | null;
}
export type State = CommitmentState;

export const initialState = (): CommitmentState => ({
  exists: false,
  commitmentId: null,
  projectId: null,
  status: null,
  summary: null,
  estimateHours: 0,
  requirementIds: [],
  requestIds: [],
  madeBy: null,
  madeToId: null,
  classification: null,
  revision: 0,
  dueDate: null,
  madeAt: null,
});

export const evolve = (state: CommitmentState, event: CommitmentEvent): CommitmentState => {
  switch (event.type) {
    case 'CommitmentMade': {
      const d = event.data;
      return {
        exists: true,
        commitmentId: d.commitmentId,
        projectId: d.projectId,
        status: d.status,
        summary: d.summary,
        estimateHours: d.estimateHours,
        requirementIds: [...d.requirementIds],
        requestIds: [...d.requestIds],
        madeBy: d.madeBy,
        madeToId: d.madeToId,
        classification: d.classification,
        revision: 0,
        dueDate: d.dueDate ?? null,
        madeAt: d.at,
      };
    }
    case 'CommitmentRevised':
      return {
        ...state,
        status: event.data.status,
        estimateHours: event.data.estimateHours,
        dueDate: event.data.dueDate ?? null,
        classification: event.data.classification,
        revision: event.data.revision,
      };
    case 'CommitmentApproved':
      return { ...state, status: 'APPROVED' };
    case 'CommitmentRejected':
      return { ...state, status: 'REJECTED' };
    case 'CommitmentWithdrawn':
      return { ...state, status: 'WITHDRAWN' };
    case 'CommitmentDelivered':
      return { ...state, status: 'DELIVERED' };
    default:
      return state;
  }
};
