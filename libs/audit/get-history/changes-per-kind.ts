import { changesPerEvent } from './entity-changes.js';
import type { EventOfEntity, HistoryRules, TextFieldChange } from './history-rules.js';

/**
 * What is told to one contact is folded apart from what is told to another: a report to Ida is
 * no revision of the report to Hans, each is a statement of its own. Likewise the
 * acknowledgements of one report apart from those of another (Ida's of hers, Hans's of his).
 */
const foldedWith = ({ kind, type, data }: EventOfEntity & { kind: string }): string => {
  if (typeof data.toldToId === 'string') return `${kind} ${data.toldToId}`;
  return type === 'StatusAcknowledged' && typeof data.reportId === 'string' ? `${kind} acknowledging ${data.reportId}` : kind;
};

/**
 * The changes of each event of an entity whose events are of several kinds (a requirement's own
 * and the status reports on it, in a stream of their own): each kind is folded on its own, so a
 * report never reads as a change of the requirement. Answered in the order the events came.
 */
export const changesPerKind = (events: readonly (EventOfEntity & { kind: string })[], rules: HistoryRules = {}): TextFieldChange[][] => {
  const changes: TextFieldChange[][] = [];
  for (const fold of new Set(events.map(foldedWith))) {
    const indexes = events.flatMap((event, index) => (foldedWith(event) === fold ? [index] : []));
    const ofKind = changesPerEvent(
      events[indexes[0]].kind,
      indexes.map((index) => events[index]),
      rules,
    );
    indexes.forEach((index, i) => (changes[index] = ofKind[i]));
  }
  return changes;
};

/**
 * The changes of events as stored, where sealed personal data is new ciphertext every time it is
 * sealed: a field counts as changed only where it changed in the events as read (`opened`, the
 * same events unsealed), and is shown as stored, so the reader's answer is opened where every
 * answer is (UnsealPlugin).
 */
export const changesPerKindAsRead = (
  stored: readonly (EventOfEntity & { kind: string })[],
  opened: readonly (EventOfEntity & { kind: string })[],
  rules: HistoryRules = {},
): TextFieldChange[][] => {
  const read = changesPerKind(opened, rules);
  return changesPerKind(stored, rules).map((changes, index) => {
    const moved = new Set(read[index].map((change) => change.field));
    return changes.filter((change) => moved.has(change.field));
  });
};
