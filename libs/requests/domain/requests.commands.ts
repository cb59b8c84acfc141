import type { ProjectRole } from '@cf/projects';
import type { Actor, RequestChannel, RequestKind, RequestPriority, ResponseStance } from './requests.events.js';

/** Every command says when it happened and who sent it. */
interface Sent {
  readonly at: string;
  readonly actor: Actor;
}

/** Facts about other streams, looked up by the command handler (null: it does not exist). */
export const CONTACT_ROLES = ['DECISION_MAKER', 'END_USER', 'PROXY', 'OTHER'] as const;
export type RequestContactRole = (typeof CONTACT_ROLES)[number];
export interface RequesterFact {
  readonly id: string;
  readonly projectId: string;
  readonly canApproveScope: boolean;
  readonly role: RequestContactRole;
  /** Their personal data erased: nothing new may name them. */
  readonly forgotten?: boolean;
}
export interface RelayFact {
  readonly id: string;
  readonly projectId: string;
  readonly role: RequestContactRole;
  readonly forgotten?: boolean;
}
export interface SessionFact {
  readonly id: string;
  readonly projectId: string;
  /** A voided session did not happen: nothing can have been asked or confirmed in it. */
  readonly voided?: boolean;
}
/** A session as a request asked or confirmed in it needs it: when it was and who of the customer attended. */
export interface AttendedSessionFact extends SessionFact {
  readonly date: string;
  readonly contactIds: readonly string[];
}
export interface RequirementFact {
  readonly id: string;
  readonly projectId: string;
}

export interface RaiseRequest extends Sent {
  readonly type: 'RaiseRequest';
  readonly requestId: string;
  readonly projectId: string;
  readonly title: string;
  readonly description: string;
  readonly kind: RequestKind;
  readonly channel: RequestChannel;
  readonly requestedById: string;
  readonly requestedBy: RequesterFact | null;
  readonly relayedById?: string;
  readonly relayedBy?: RelayFact | null;
  readonly sessionId?: string;
  readonly session?: AttendedSessionFact | null;
  readonly requirementIds: readonly string[];
  /** One fact per entry of `requirementIds`, in the same order. */
  readonly requirements: readonly (RequirementFact | null)[];
  readonly statedPriority?: RequestPriority | null;
}

export interface ConfirmRequest extends Sent {
  readonly type: 'ConfirmRequest';
  readonly requestId: string;
  readonly sessionId?: string | null;
  readonly session?: AttendedSessionFact | null;
  /** The contact the request is attributed to, as on record now (null: no such contact): a forgotten one is named by nothing new. */
  readonly requester: RequesterFact | null;
  readonly confirmedPriority?: RequestPriority | null;
  readonly note?: string | null;
  /** Who confirms: their role in the project and, for a CUSTOMER member, the contact they are. */
  readonly confirmer: { readonly role: ProjectRole; readonly contactId: string | null };
}

export interface RespondToRequest extends Sent {
  readonly type: 'RespondToRequest';
  readonly requestId: string;
  readonly stance: ResponseStance;
  readonly message: string;
  readonly estimateHours?: number;
}

export interface ReviseRequest extends Sent {
  readonly type: 'ReviseRequest';
  readonly requestId: string;
  readonly title?: string;
  readonly description?: string;
  readonly reason: string;
  readonly sessionId?: string;
  readonly session?: AttendedSessionFact | null;
}

export interface WithdrawRequest extends Sent {
  readonly type: 'WithdrawRequest';
  readonly requestId: string;
  readonly reason: string;
}

export interface ResolveRequest extends Sent {
  readonly type: 'ResolveRequest';
  readonly requestId: string;
  readonly resolution: string;
}
