import type { Event, RequirementActor, RequirementFieldChange, RequirementTrigger } from './requirements.events.js';

/** One revision of a requirement as it stood after an add or a revise. */
export interface RequirementRevision {
  readonly revision: number;
  readonly title: string;
  readonly text: string;
  readonly estimateHours: number;
  /** null for the first revision (adding needs no reason). */
  readonly reason: string | null;
  readonly at: string;
  readonly by: RequirementActor;
  readonly trigger: RequirementTrigger;
  readonly changes: readonly RequirementFieldChange[];
}

export interface State {
  readonly exists: boolean;
  readonly requirementId: string | null;
  readonly projectId: string | null;
  readonly key: string;
  readonly title: string;
  readonly text: string;
  readonly estimateHours: number;
  readonly revision: number;
  readonly removed: boolean;
  readonly revisions: readonly RequirementRevision[];
}

export const initialState = (): State => ({
  exists: false,
  requirementId: null,
  projectId: null,
  key: '',
  title: '',
  text: '',
  estimateHours: 0,
  revision: 0,
  removed: false,
  revisions: [],
});

export const evolve = (state: State, event: Event): State => {
  switch (event.type) {
    case 'RequirementAdded': {
      const { requirementId, projectId, key, title, text, estimateHours, trigger, revision, by, at } = event.data;
      return {
        ...state,
        exists: true,
        requirementId,
        projectId,
        key,
        title,
        text,
        estimateHours,
        revision,
        revisions: [{ revision, title, text, estimateHours, reason: null, at, by, trigger, changes: [] }],
      };
    }
    case 'RequirementRevised': {
      const { revision, title, text, estimateHours, reason, at, by, trigger, changes } = event.data;
      return {
        ...state,
        title,
        text,
        estimateHours,
        revision,
        revisions: [...state.revisions, { revision, title, text, estimateHours, reason, at, by, trigger, changes }],
      };
    }
    case 'RequirementRemoved':
      return { ...state, removed: true, revision: event.data.revision };
  }
};
