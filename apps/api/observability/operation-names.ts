/** More distinct operation names than any client of this API sends; past it, names count as "other". */
const MAX_NAMES = 200;

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
