/** One field an event changed, both values as text (JSON for anything but a string). */
export interface TextFieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

export interface EventOfEntity {
  type: string;
  data: Record<string, unknown>;
}

/**
 * The fields an event leaves its entity with when its type says them without carrying them: the
 * status a decision moves a commitment or a request to (CommitmentApproved, RequestWithdrawn), a
 * requirement's removal.
 */
export type StatedByType = Readonly<Record<string, Readonly<Record<string, string | boolean>>>>;

/** What the events' types say beyond their data. */
export interface HistoryRules {
  statedByType?: StatedByType;
  /**
   * Types whose every event states all it says anew (a status report, an assessment): a field
   * the last one of its type gave and this one leaves out is cleared, not kept (a report without
   * a percentage tells none).
   */
  statements?: ReadonlySet<string>;
  /**
   * Fields an event of a type names as where it happened, not as a state of the entity (the
   * session a request was confirmed in is not the session it was raised in): shown with the
   * event as its reason is, never folded into the entity's field of the same name.
   */
  occasions?: Readonly<Record<string, readonly string[]>>;
  /**
   * Types whose every event adds a part of the entity, by the part's name, where the type does not
   * say it (a response to a request: RequestResponded reads as the request's own by its noun).
   */
  parts?: Readonly<Record<string, string>>;
  /**
   * Fields that are elsewhere an event's why (EVENT_FACTS) but of a type's events a state of the
   * entity, held against the last one's (an acknowledgement's note is what the contact says).
   */
  heldAgainstTheLast?: Readonly<Record<string, readonly string[]>>;
}
