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

/** Bookkeeping every event carries anew: never a change of the entity itself. */
const NOT_FIELDS = new Set(['at', 'revision', 'changes']);

const asText = (value: unknown): string | null =>
  value === undefined || value === null ? null : typeof value === 'string' ? value : JSON.stringify(value);

const isFieldChange = (value: unknown): value is { field: string; from: unknown; to: unknown } =>
  typeof value === 'object' && value !== null && typeof (value as { field?: unknown }).field === 'string';

/**
 * The noun of an event type `<Noun><PastVerb>` when it is not the entity itself, e.g.
 * `member` for MemberAdded on a project; null for the entity's own events (ContactSessionLogged
 * on a session counts as its own: the noun ends with the category).
 */
const partNoun = (category: string, type: string): string | null => {
  const noun = /^([A-Z][a-z]*)+?(?=[A-Z][a-z]*$)/.exec(type)?.[0] ?? type;
  if (noun.toLowerCase().endsWith(category.toLowerCase())) return null;
  return noun.charAt(0).toLowerCase() + noun.slice(1);
};

/**
 * The field-level changes of each event of one entity, by folding a flat view of it: an event
 * that lists its `changes` (the *Revised events) is taken at its word; any other event changes
 * the fields of its data whose value differs from the last known one. An event about a part of
 * the entity (a member or a baseline of a project) records that part: its fields, prefixed by
 * the part (`member.name`), all new. Generic on purpose, so every context's entities get a
 * history without a differ of their own.
 */
export const changesPerEvent = (category: string, events: readonly EventOfEntity[]): TextFieldChange[][] => {
  const known = new Map<string, string | null>();
  return events.map(({ type, data }) => {
    const part = partNoun(category, type);
    if (part !== null) {
      return Object.entries(data)
        .filter(
          ([field, value]) => !NOT_FIELDS.has(field) && value !== undefined && !(known.has(field) && asText(value) === known.get(field)),
        )
        .map(([field, value]) => ({ field: `${part}.${field}`, from: null, to: asText(value) }));
    }
    const listed = Array.isArray(data.changes) ? data.changes.filter(isFieldChange) : undefined;
    const changes: TextFieldChange[] = listed
      ? listed.map((c) => ({ field: c.field, from: asText(c.from), to: asText(c.to) }))
      : Object.entries(data)
          .filter(([field, value]) => !NOT_FIELDS.has(field) && value !== undefined && asText(value) !== (known.get(field) ?? null))
          .map(([field, value]) => ({ field, from: known.get(field) ?? null, to: asText(value) }));
    for (const [field, value] of Object.entries(data)) if (!NOT_FIELDS.has(field)) known.set(field, asText(value));
    for (const change of changes) known.set(change.field, change.to);
    return changes;
  });
};
