import type { PageEntries } from './page-entries.js';
import type { RowCondition } from './row-lookups.js';
import type { Row, RowStatements } from './row-statements.js';

/** Whether the row's columns hold the values of `where`, as the page compares them. */
const equals = (row: Row, where: Row): boolean => Object.entries(where).every(([column, value]) => row[column] === value);

/**
 * PageRows' looks by columns: the stored rows that match, read once per page and shape of look
 * (the database does not change until the page is written), merged with the rows the page changed.
 */
export class PageFinds {
  private readonly stored = new Map<string, Row[]>();

  constructor(
    private readonly held: PageEntries,
    private readonly statements: RowStatements,
    private readonly keyOf: (table: string, row: Row) => string,
    /** The position of the page's first event: every row stored before the page was written by an earlier event. */
    private readonly firstPosition: bigint,
  ) {}

  async find(table: string, where: Row, condition?: RowCondition): Promise<Row[]> {
    const entries = this.held.of(table);
    const stored = await this.storedRows(table, where, condition);
    const meets = (row: Row): boolean => condition?.holds(row) ?? true;
    const holds = (row: Row): boolean => equals(row, where) && meets(row);
    const found = new Map<string, Row>();
    for (const row of stored) {
      const id = this.keyOf(table, row);
      const entry = entries.get(id);
      if (!entry) this.held.read(table, id, row);
      // A row as stored equals `where` in SQL's terms (a value may come back as another type): only
      // the condition is left to check. A row the page changed is checked whole.
      if (entry?.changed ? entry.row && holds(entry.row) : meets(entry?.row ?? row)) found.set(id, entry?.row ?? row);
    }
    for (const [id, row] of this.held.changedWhere(table, where)) if (!found.has(id) && holds(row)) found.set(id, row);
    return [...found.values()];
  }

  /** `find` of rows made at or after `position`: from the rows the page wrote alone when that is one of the page's events. */
  async findMadeSince(table: string, where: Row, condition: RowCondition, position: number): Promise<Row[]> {
    if (BigInt(position) < this.firstPosition) return this.find(table, where, condition);
    const found: Row[] = [];
    for (const [, row] of this.held.changedWhere(table, where)) if (equals(row, where) && condition.holds(row)) found.push(row);
    return found;
  }

  /** The page is written: what was read of the database is read again from now on. */
  written(): void {
    this.stored.clear();
  }

  private async storedRows(table: string, where: Row, condition?: RowCondition): Promise<Row[]> {
    const known = condition ? undefined : `${table}|${JSON.stringify(where)}`;
    const kept = known === undefined ? undefined : this.stored.get(known);
    if (kept) return kept;
    const rows = await this.statements.where(table, where, condition);
    if (known !== undefined) this.stored.set(known, rows);
    return rows;
  }
}
