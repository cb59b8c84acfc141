import type { RequirementActor, TriggerChannel } from './requirements.events.js';

interface Sent {
  readonly at: string;
  readonly actor: RequirementActor;
}

/** Facts the command handler looked up (null: it does not exist). */
export interface TriggerRequestFact {
  readonly id: string;
  readonly projectId: string;
  readonly channel: TriggerChannel;
}
export interface TriggerSessionFact {
  readonly id: string;
  readonly projectId: string;
  /** A voided session did not happen: it cannot have caused a change. */
  readonly voided?: boolean;
}

/** What caused a change; the decider turns it into a RequirementTrigger. */
export interface TriggerInputs {
  readonly requestId?: string;
  readonly request?: TriggerRequestFact | null;
  readonly sessionId?: string;
  readonly session?: TriggerSessionFact | null;
}

export interface AddRequirement extends Sent, TriggerInputs {
  readonly type: 'AddRequirement';
  readonly requirementId: string;
  readonly projectId: string;
  readonly key: string;
  /**
   * Whether a requirement recorded before ids followed from keys holds this key (looked up by the
   * handler in the read model); since then the requirement's own stream decides (requirementIdOfKey).
   */
  readonly keyTaken: boolean;
  readonly title: string;
  readonly text: string;
  readonly estimateHours: number;
}

export interface ReviseRequirement extends Sent, TriggerInputs {
  readonly type: 'ReviseRequirement';
  readonly requirementId: string;
  readonly title?: string;
  readonly text?: string;
  readonly estimateHours?: number;
  readonly reason: string;
}

export interface RemoveRequirement extends Sent, TriggerInputs {
  readonly type: 'RemoveRequirement';
  readonly requirementId: string;
  readonly reason: string;
}
