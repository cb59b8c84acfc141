import type { DomainEvent, FieldChange } from '@cf/core';

export const TRIGGER_KINDS = ['SESSION', 'REQUEST', 'INTERNAL'] as const;
export type TriggerKind = (typeof TRIGGER_KINDS)[number];

/** The channel of the request that triggered a change (same values as a request's channel). */
export const TRIGGER_CHANNELS = ['DIRECT', 'PROXY', 'WRITTEN'] as const;
export type TriggerChannel = (typeof TRIGGER_CHANNELS)[number];

/**
 * Why a requirement changed: a contact session (first-hand, so it wins over a request named with
 * it, which it keeps), a request (and so its channel), or internal work. A REQUEST trigger with a
 * sessionId was recorded before the session won: see readTrigger.
 */
export type RequirementTrigger =
  | { kind: 'SESSION'; sessionId: string; requestId?: string }
  | { kind: 'REQUEST'; requestId: string; channel: TriggerChannel; sessionId?: string }
  | { kind: 'INTERNAL' };

/** The trigger as it counts: a session named with a request wins; no trigger (an old removal) is internal. */
export const readTrigger = (trigger: RequirementTrigger | undefined): RequirementTrigger => {
  if (trigger === undefined) return { kind: 'INTERNAL' };
  if (trigger.kind === 'REQUEST' && trigger.sessionId)
    return { kind: 'SESSION', sessionId: trigger.sessionId, requestId: trigger.requestId };
  return trigger;
};

/** The channel a change came through: a session is direct contact; a request counts by its channel. */
export const triggerChannelOf = (trigger: RequirementTrigger | undefined): TriggerChannel | null => {
  const counted = readTrigger(trigger);
  return counted.kind === 'SESSION' ? 'DIRECT' : counted.kind === 'REQUEST' ? counted.channel : null;
};

export interface RequirementActor {
  readonly userId: string;
  readonly name: string;
}

/** A changed field of a requirement: title and text are strings, estimateHours a number; nothing before it was added. */
export type RequirementFieldChange = FieldChange<string | number | null>;

/** What a requirement states, and a revision may change. */
export const REQUIREMENT_FIELDS = ['title', 'text', 'estimateHours'] as const;

export type RequirementAdded = DomainEvent<
  'RequirementAdded',
  {
    requirementId: string;
    projectId: string;
    key: string;
    title: string;
    text: string;
    estimateHours: number;
    trigger: RequirementTrigger;
    revision: 1;
    /** Who added it (kept in the data so the revision history needs no metadata). */
    by: RequirementActor;
    at: string;
  }
>;

export type RequirementRevised = DomainEvent<
  'RequirementRevised',
  {
    requirementId: string;
    projectId: string;
    revision: number;
    title: string;
    text: string;
    estimateHours: number;
    changes: RequirementFieldChange[];
    reason: string;
    trigger: RequirementTrigger;
    by: RequirementActor;
    at: string;
  }
>;

/** `trigger` and `by` are absent on removals recorded before removals had them (read as INTERNAL). */
export type RequirementRemoved = DomainEvent<
  'RequirementRemoved',
  {
    requirementId: string;
    projectId: string;
    reason: string;
    revision: number;
    trigger?: RequirementTrigger;
    by?: RequirementActor;
    at: string;
  }
>;

export type Event = RequirementAdded | RequirementRevised | RequirementRemoved;
export type RequirementEvent = Event;

/**
 * What an addition and a removal leave a requirement as, which their data do not carry: history
 * shows it as `removed`, from false to true, as requirementChanges and its revisions do.
 */
export const REQUIREMENT_STATED_BY_TYPE: Readonly<Partial<Record<RequirementEvent['type'], { removed: boolean }>>> = {
  RequirementAdded: { removed: false },
  RequirementRemoved: { removed: true },
};
