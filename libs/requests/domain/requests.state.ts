import {
  FIRST_HAND_CHANNELS,
  type Actor,
  type Event,
  type RequestChannel,
  type RequestKind,
  type RequestPriority,
  type ResponseStance,
} from './requests.events.js';

export const REQUEST_STATUSES = ['OPEN', 'ANSWERED', 'RESOLVED', 'WITHDRAWN'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const FINAL_REQUEST_STATUSES: readonly RequestStatus[] = ['RESOLVED', 'WITHDRAWN'];

export interface RequestResponse {
  readonly stance: ResponseStance;
  readonly message: string;
  readonly estimateHours?: number;
  readonly respondedBy: Actor;
  readonly at: string;
}

export interface State {
  readonly exists: boolean;
  readonly requestId: string | null;
  readonly projectId: string | null;
  readonly title: string;
  readonly description: string;
  readonly kind: RequestKind | null;
  readonly channel: RequestChannel | null;
  readonly status: RequestStatus | null;
  /** Number of events in the stream: RequestRaised makes it 1. */
  readonly revision: number;
  readonly requestedById: string | null;
  readonly relayedById: string | null;
  readonly sessionId: string | null;
  readonly requirementIds: readonly string[];
  readonly responses: readonly RequestResponse[];
  readonly raisedAt: string | null;
  readonly statedPriority: RequestPriority | null;
  readonly confirmedPriority: RequestPriority | null;
  /** When the requester first confirmed the request (confirmRequest); null until then. */
  readonly confirmedAt: string | null;
  /** The evidence of each confirmation: the session it was given in, or CUSTOMER_MEMBER. */
  readonly confirmedIn: readonly string[];
  /** When it counted as asked by its requester first-hand: raised DIRECT or WRITTEN, or confirmed. */
  readonly firstHandAt: string | null;
}

export const initialState = (): State => ({
  exists: false,
  requestId: null,
  projectId: null,
  title: '',
  description: '',
  kind: null,
  channel: null,
  status: null,
  revision: 0,
  requestedById: null,
  relayedById: null,
  sessionId: null,
  requirementIds: [],
  responses: [],
  raisedAt: null,
  statedPriority: null,
  confirmedPriority: null,
  confirmedAt: null,
  confirmedIn: [],
  firstHandAt: null,
});

export const evolve = (state: State, event: Event): State => {
  const revision = state.revision + 1;
  switch (event.type) {
    case 'RequestRaised': {
      const d = event.data;
      return {
        ...state,
        exists: true,
        requestId: d.requestId,
        projectId: d.projectId,
        title: d.title,
        description: d.description,
        kind: d.kind,
        channel: d.channel,
        status: 'OPEN',
        revision,
        requestedById: d.requestedById,
        relayedById: d.relayedById ?? null,
        sessionId: d.sessionId ?? null,
        requirementIds: [...d.requirementIds],
        raisedAt: d.at,
        statedPriority: d.statedPriority ?? null,
        firstHandAt: FIRST_HAND_CHANNELS.includes(d.channel) ? d.at : null,
      };
    }
    case 'RequestConfirmed': {
      const { confirmedPriority, at, sessionId, via } = event.data;
      return {
        ...state,
        revision,
        confirmedPriority: state.confirmedPriority ?? confirmedPriority ?? null,
        confirmedAt: state.confirmedAt ?? at,
        confirmedIn: [...state.confirmedIn, sessionId ?? via],
        firstHandAt: state.firstHandAt ?? at,
      };
    }
    case 'RequestResponded': {
      const { stance, message, estimateHours, respondedBy, at } = event.data;
      const response: RequestResponse =
        estimateHours === undefined ? { stance, message, respondedBy, at } : { stance, message, estimateHours, respondedBy, at };
      return {
        ...state,
        revision,
        status: state.status === 'OPEN' ? 'ANSWERED' : state.status,
        responses: [...state.responses, response],
      };
    }
    case 'RequestRevised': {
      const changed = Object.fromEntries(event.data.changes.map((c) => [c.field, c.to]));
      return {
        ...state,
        revision,
        title: changed.title ?? state.title,
        description: changed.description ?? state.description,
      };
    }
    case 'RequestWithdrawn':
      return { ...state, revision, status: 'WITHDRAWN' };
    case 'RequestResolved':
      return { ...state, revision, status: 'RESOLVED' };
  }
};
