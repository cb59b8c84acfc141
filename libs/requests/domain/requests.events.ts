import type { DomainEvent, FieldChange } from '@cf/core';

export const REQUEST_KINDS = ['FEATURE', 'CHANGE', 'DEFECT', 'QUESTION'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const REQUEST_CHANNELS = ['DIRECT', 'PROXY', 'WRITTEN'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

/** How urgent the request is: as relayed (stated) and as its requester confirmed it. */
export const REQUEST_PRIORITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type RequestPriority = (typeof REQUEST_PRIORITIES)[number];

/** How the requester's own word was had: in a contact session they attended, or as the CUSTOMER member they are. */
export const CONFIRMATION_VIAS = ['SESSION', 'CUSTOMER_MEMBER'] as const;
export type ConfirmationVia = (typeof CONFIRMATION_VIAS)[number];

/** Channels on which the requester asks first-hand; a PROXY request is relayed until its requester confirms it. */
export const FIRST_HAND_CHANNELS: readonly RequestChannel[] = ['DIRECT', 'WRITTEN'];

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
    /** The priority as relayed or stated when raised. */
    statedPriority?: RequestPriority;
    at: string;
  }
>;

/**
 * The contact the request is attributed to (`contactId`, its requester) asked for it themselves:
 * in a contact session they attended (`via: SESSION`, recorded by the team) or as the CUSTOMER
 * member linked to them (`via: CUSTOMER_MEMBER`).
 */
export type RequestConfirmed = DomainEvent<
  'RequestConfirmed',
  {
    requestId: string;
    projectId: string;
    contactId: string;
    via: ConfirmationVia;
    sessionId?: string;
    confirmedPriority?: RequestPriority;
    note?: string;
    confirmedBy: Actor;
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

export type RequestWithdrawn = DomainEvent<'RequestWithdrawn', { requestId: string; projectId: string; reason: string; at: string }>;

export type RequestResolved = DomainEvent<'RequestResolved', { requestId: string; projectId: string; resolution: string; at: string }>;

export type Event = RequestRaised | RequestConfirmed | RequestResponded | RequestRevised | RequestWithdrawn | RequestResolved;
export type RequestEvent = Event;

/**
 * The session a confirmation or a revision names is where it happened, not the session the
 * request was raised in, and how a confirmation came (via) is its own: history shows each with
 * that event and keeps the request's own.
 */
export const REQUEST_OCCASIONS: Readonly<Partial<Record<RequestEvent['type'], readonly string[]>>> = {
  RequestConfirmed: ['sessionId', 'via'],
  RequestRevised: ['sessionId'],
};

/**
 * Each response to a request is one more in its conversation, never an edit of the one before:
 * history shows a second response as given (`response.message` from nothing), not as the first
 * one's message changed.
 */
export const REQUEST_PARTS: Readonly<Partial<Record<RequestEvent['type'], string>>> = {
  RequestResponded: 'response',
};

/**
 * The status each event leaves a request in, which its data does not carry: history shows a
 * request opened, answered by its first response, withdrawn or resolved as the status it moved.
 * A response to a request answered already leaves it so (a final request takes none).
 */
export const REQUEST_STATUS_BY_TYPE: Readonly<Partial<Record<RequestEvent['type'], { status: string }>>> = {
  RequestRaised: { status: 'OPEN' },
  RequestResponded: { status: 'ANSWERED' },
  RequestWithdrawn: { status: 'WITHDRAWN' },
  RequestResolved: { status: 'RESOLVED' },
};
