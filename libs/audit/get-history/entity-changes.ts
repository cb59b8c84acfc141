import type { EventOfEntity, HistoryRules, TextFieldChange } from './history-rules.js';

/** Bookkeeping every event carries anew (who: the history row's actor): never a change of the entity itself. */
const NOT_FIELDS = new Set(['at', 'revision', 'changes', 'by']);

/**
 * Why an event happened, not a state of the entity: shown with every event that gives it (from
 * null), never compared with an earlier event's — an auditor reads each revision's own reason, and
 * a commitment revision's judgement of its standing as it left it (judgedAtRevision).
 */
const EVENT_FACTS = new Set(['reason', 'trigger', 'note', 'judgedAtRevision']);

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
 * that lists its `changes` (the *Revised events) is taken at its word for those fields; every
 * event also changes the other fields of its data whose value differs from the last known one,
 * and states its reason, trigger or note. An event about a part of the entity (a member or a
 * baseline of a project) records that part (partChanges). Generic on purpose, so every
 * context's entities get a history without a differ of their own.
 */
export const changesPerEvent = (
  category: string,
  events: readonly EventOfEntity[],
  { statedByType = {}, statements = new Set(), occasions = {}, parts = {}, heldAgainstTheLast = {} }: HistoryRules = {},
): TextFieldChange[][] => {
  const known = new Map<string, string | null>();
  const lastOfType = new Map<string, Record<string, unknown>>();
  return events.map(({ type, data: given }) => {
    const named = occasions[type] ?? [];
    const held = heldAgainstTheLast[type] ?? [];
    const facts = named.length + held.length > 0 ? new Set([...EVENT_FACTS, ...named].filter((f) => !held.includes(f))) : EVENT_FACTS;
    const carried = statements.has(type) ? withLeftOutCleared(given, lastOfType.get(type), facts) : given;
    lastOfType.set(type, given);
    // What its type says (a status, a removal) it states, so the next event's fields compare with it.
    const stated = Object.hasOwn(statedByType, type) ? statedByType[type] : {};
    const data = { ...carried, ...stated };
    const part = parts[type] ?? partNoun(category, type);
    if (part !== null) return [...partChanges(part, carried, known), ...statedChanges(stated, known)];
    const listed = Array.isArray(data.changes) ? data.changes.filter(isFieldChange) : [];
    const listedFields = new Set(listed.map((c) => c.field));
    // Listed changes as the event states them; besides them its why, and whatever else it moved (a re-judgement, a status).
    const changes: TextFieldChange[] = [
      ...listed.map((c) => ({ field: c.field, from: asText(c.from), to: asText(c.to) })),
      ...Object.entries(data)
        .filter(([field, value]) => !NOT_FIELDS.has(field) && !listedFields.has(field) && value !== undefined)
        .filter(([field, value]) => (facts.has(field) ? value !== null : asText(value) !== (known.get(field) ?? null)))
        .map(([field, value]) => ({ field, from: facts.has(field) ? null : (known.get(field) ?? null), to: asText(value) })),
    ];
    for (const [field, value] of Object.entries(data))
      if (!NOT_FIELDS.has(field) && !named.includes(field)) known.set(field, asText(value));
    for (const change of changes) if (!named.includes(change.field)) known.set(change.field, change.to);
    return changes;
  });
};

/** What a type says of its entity besides a part it adds (the status a first response moves a request to). */
const statedChanges = (stated: Readonly<Record<string, unknown>>, known: Map<string, string | null>): TextFieldChange[] =>
  Object.entries(stated).flatMap(([field, value]) => {
    const from = known.get(field) ?? null;
    const to = asText(value);
    known.set(field, to);
    return from === to ? [] : [{ field, from, to }];
  });

/**
 * An event about a part records its fields, prefixed by the part, all new; except a from/to pair,
 * which the event states as a change itself: `fromHours` and `toHours` of BudgetChanged are one
 * field of the entity, `budgetHours` (the name ProjectOpened gives it), moved from one to the other.
 */
const partChanges = (part: string, data: Record<string, unknown>, known: Map<string, string | null>): TextFieldChange[] => {
  const stated: TextFieldChange[] = [];
  const paired = new Set<string>();
  for (const field of Object.keys(data)) {
    const name = /^from([A-Z]\w*)$/.exec(field)?.[1];
    if (name === undefined || !(`to${name}` in data)) continue;
    stated.push({ field: `${part}${name}`, from: asText(data[field]), to: asText(data[`to${name}`]) });
    paired.add(field).add(`to${name}`);
  }
  for (const change of stated) known.set(change.field, change.to);
  const added = Object.entries(data)
    .filter(([field, value]) => !NOT_FIELDS.has(field) && !paired.has(field) && value !== undefined)
    .filter(([field, value]) => !(known.has(field) && asText(value) === known.get(field)))
    .map(([field, value]) => ({ field: `${part}.${field}`, from: null, to: asText(value) }));
  return [...stated, ...added];
};

/** A statement's data with each field the last one of its type gave and it leaves out as null. */
const withLeftOutCleared = (
  data: Record<string, unknown>,
  last: Record<string, unknown> | undefined,
  facts: ReadonlySet<string>,
): Record<string, unknown> => {
  const leftOut = Object.keys(last ?? {}).filter((field) => data[field] === undefined && !facts.has(field));
  return leftOut.length === 0 ? data : { ...data, ...Object.fromEntries(leftOut.map((field) => [field, null])) };
};
