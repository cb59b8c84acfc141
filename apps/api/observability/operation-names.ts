/** More distinct operation names than any client of this API sends; past it, names count as "other". */
const MAX_NAMES = 200;
/** A log line's operation name at most this long: GraphQL names are short, a document's may not be. */
const MAX_LOGGED_LENGTH = 200;

/**
 * An operation's name as its log line shows it: the name it was sent with (a log line is no
 * series, so no cap on how many there are), cut short when very long; "anonymous" without one.
 */
export const loggedOperationName = (name: string | undefined): string =>
  !name ? 'anonymous' : name.length > MAX_LOGGED_LENGTH ? `${name.slice(0, MAX_LOGGED_LENGTH)}…` : name;

/**
 * Operation names as metric labels. Clients choose them, so an unbounded stream of names would
 * make unbounded series: the first MAX_NAMES names seen keep their own label, later ones share
 * "other", and an operation without a name is "anonymous".
 */
export class OperationNames {
  private readonly known = new Set<string>();

  label(name: string | undefined): string {
    if (!name) return 'anonymous';
    if (this.known.has(name)) return name;
    if (this.known.size >= MAX_NAMES || name.length > 64) return 'other';
    this.known.add(name);
    return name;
  }
}
