import type { SessionDeveloper, SessionEvent, SessionKind } from './session.events.js';

export interface SessionState {
  readonly exists: boolean;
  readonly sessionId: string;
  readonly projectId: string;
  readonly date: string;
  readonly days: number;
  readonly kind: SessionKind;
  readonly developers: readonly SessionDeveloper[];
  readonly contactIds: readonly string[];
  readonly notes?: string;
  /** A voided session did not happen: it counts nowhere. */
  readonly voided: boolean;
}

export const initialSessionState = (): SessionState => ({
  exists: false,
  sessionId: '',
  projectId: '',
  date: '',
  days: 0,
  kind: 'ON_SITE',
  developers: [],
  contactIds: [],
  voided: false,
});

export const evolveSession = (state: SessionState, event: SessionEvent): SessionState => {
  switch (event.type) {
    case 'ContactSessionLogged': {
      const { at: _at, ...fields } = event.data;
      return { ...initialSessionState(), ...fields, exists: true };
    }
    case 'ContactSessionCorrected': {
      const { sessionId: _id, projectId: _project, reason: _reason, changes: _changes, at: _at, ...fields } = event.data;
      return { ...state, ...fields };
    }
    default:
      return state;
  }
};
