import type { Actor, RequestChannel, RequestKind, ResponseStance } from './requests.events.js';

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
}
export interface RelayFact {
  readonly id: string;
  readonly projectId: string;
  readonly role: RequestContactRole;
}
export interface SessionFact {
  readonly id: string;
  readonly projectId: string;
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
  readonly session?: SessionFact | null;
  readonly requirementIds: readonly string[];
  /** One fact per entry of `requirementIds`, in the same order. */
  readonly requirements: readonly (RequirementFact | null)[];
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
  readonly session?: SessionFact | null;
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
