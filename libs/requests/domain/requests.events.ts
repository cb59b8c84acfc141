import type { DomainEvent, FieldChange } from '@cf/core';

export const REQUEST_KINDS = ['FEATURE', 'CHANGE', 'DEFECT', 'QUESTION'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const REQUEST_CHANNELS = ['DIRECT', 'PROXY', 'WRITTEN'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

export const RESPONSE_STANCES = ['ACCEPT', 'DECLINE', 'CLARIFY', 'PROPOSE_ALTERNATIVE', 'ESTIMATE'] as const;
export type ResponseStance = (typeof RESPONSE_STANCES)[number];

export interface Actor {
  readonly userId: string;
  readonly name: string;
}

export type RequestRaised = DomainEvent<
  'RequestRaised',
  {
    requestId: string;
    projectId: string;
    title: string;
    description: string;
    kind: RequestKind;
    channel: RequestChannel;
    requestedById: string;
    relayedById?: string;
    sessionId?: string;
    requirementIds: string[];
    at: string;
  }
>;

export type RequestResponded = DomainEvent<
  'RequestResponded',
  {
    requestId: string;
    projectId: string;
    stance: ResponseStance;
    message: string;
    estimateHours?: number;
    respondedBy: Actor;
    at: string;
  }
>;

export type RequestRevised = DomainEvent<
  'RequestRevised',
  {
    requestId: string;
    projectId: string;
    /** The request's revision after this event (RequestRaised is revision 1). */
    revision: number;
    changes: FieldChange<string>[];
    reason: string;
    sessionId?: string;
    at: string;
  }
>;

export type RequestWithdrawn = DomainEvent<
  'RequestWithdrawn',
  { requestId: string; projectId: string; reason: string; at: string }
>;

export type RequestResolved = DomainEvent<
  'RequestResolved',
  { requestId: string; projectId: string; resolution: string; at: string }
>;

export type Event = RequestRaised | RequestResponded | RequestRevised | RequestWithdrawn | RequestResolved;
export type RequestEvent = Event;

export const REQUESTS_EVENT_TYPES = [
  'RequestRaised',
  'RequestResponded',
  'RequestRevised',
  'RequestWithdrawn',
  'RequestResolved',
] as const satisfies readonly Event['type'][];
export type RequestEventType = (typeof REQUESTS_EVENT_TYPES)[number];
