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
});

export const evolveSession = (state: SessionState, event: SessionEvent): SessionState => {
  switch (event.type) {
    case 'ContactSessionLogged': {
      const { at: _at, ...fields } = event.data;
      return { ...initialSessionState(), ...fields, exists: true };
    }
    default:
      return state;
  }
};
