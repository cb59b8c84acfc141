import { type ReadModelTransaction, onPostgres } from './projection.js';
import { type Row, RowStatements } from './row-statements.js';
import type { RowCondition, TableKeys } from './row-lookups.js';
import { movedRow } from './counter-moves.js';
import { PageEntries } from './page-entries.js';
import { PageFinds } from './page-finds.js';
import { PageReads } from './page-reads.js';
import { PageEndTasks } from './page-end-tasks.js';
import { PageKeys } from './page-keys.js';
import type { KeptRows } from './kept-rows.js';
import type { SharedTableStatement } from './shared-table-writes.js';
import { PageWrites } from './page-writes.js';
import type { CombinedWrites } from './combined-writes.js';

export type { Row } from './row-statements.js';
export type { RowCondition, TableKeys } from './row-lookups.js';
export type { SharedTableStatement } from './shared-table-writes.js';

/**
 * The rows one page of events changes, kept in memory and written at the end of the page in
 * bulk. A projection reads and writes its rows here as it would in the database: a row is read
 * from the database once per page and kept, so each event sees what the events before it in the
 * page did. Rows handed out are the page's own: copy them to change them, then `put`.
 */
export class PageRows {
  private readonly held = new PageEntries();
  private readonly statements: RowStatements;
  private readonly finds: PageFinds;
  private readonly reads: PageReads;
  private readonly pageEnd = new PageEndTasks();
  private readonly keys: PageKeys;
  private readonly writes: PageWrites;

  /**
   * `firstPosition`: the position of the page's first event. Every row stored before the page was
   * written by an earlier event (findMadeSince). `kept`: the rows earlier pages left (KeptRows); without it, a page keeps nothing.
   * `writes`: the page's writes shared by its projections (CombinedWrites); without it, each runs at once.
   */
  constructor(
    trx: ReadModelTransaction,
    keys: TableKeys,
    firstPosition: bigint,
    private readonly kept?: KeptRows,
    writes?: CombinedWrites,
  ) {
    this.statements = new RowStatements(trx, onPostgres(trx), writes);
    this.keys = new PageKeys(keys);
    this.finds = new PageFinds(this.held, this.statements, this.keys.of, firstPosition);
    this.reads = new PageReads(this.held, this.statements, this.keys.columns, this.keys.of, kept);
    this.writes = new PageWrites(this.held, this.statements, this.keys, kept);
  }

  /** A row by its key (`T` names the table's row type; rows are checked by the specs, not here). */
  async get<T extends object = Row>(table: string, key: Row): Promise<T | undefined> {
    return (await this.getMany<T>(table, [key]))[0];
  }

  /** Several rows at once: those neither read in this page nor kept from earlier ones are read in one query. */
  async getMany<T extends object = Row>(table: string, keys: readonly Row[]): Promise<(T | undefined)[]> {
    await this.settle(table);
    return (await this.reads.getMany(table, keys)) as (T | undefined)[];
  }

  /**
   * Some columns of rows by key, for a look that needs no more: rows this page has read or written
   * answer from memory, the others are read for their key and these columns only, and not kept.
   */
  async peek<T extends object = Row>(table: string, keys: readonly Row[], columns: readonly string[]): Promise<(T | undefined)[]> {
    await this.settle(table);
    return (await this.reads.peek(table, keys, columns)) as (T | undefined)[];
  }

  /** Writes a whole row (new or replacing the one with its key). */
  put(table: string, row: object): void {
    this.writes.put(table, row as Row);
  }

  delete(table: string, key: Row): void {
    this.writes.delete(table, key);
  }

  /** A row for a table another process also writes (SharedTableWrites), inserted at the end of the page if its key is free. */
  insertIfAbsent(table: string, row: object): void {
    this.writes.insertIfAbsent(table, row as Row);
  }

  /** A conditional statement on `table`, which another process also writes, run at the end of the page (SharedTableWrites). */
  afterWrite(table: string, statement: SharedTableStatement): void {
    this.writes.afterWrite(table, statement);
  }

  /**
   * Moves a counter column by `amount`; a missing row starts as its key and that amount. A row
   * the page has not read is not read for it: the move is written as an increment at the end.
   */
  async add(table: string, key: Row, column: string, amount: number): Promise<void> {
    if (amount === 0) return;
    this.writes.add(table, key, column, amount);
  }

  /** Before a table is read, its pending counter moves become rows of the page like any other. */
  private async settle(table: string): Promise<void> {
    const pending = this.writes.takeMoves(table);
    if (pending.length === 0) return;
    const stored = await this.getMany(table, pending); // a move is its row's key and amounts: read by the key
    for (const [i, move] of pending.entries()) this.put(table, movedRow(this.keys.columns(table), stored[i], move));
  }

  /**
   * The rows whose columns equal `where` (and meet `condition`), as the page has left them: the
   * stored ones not changed in this page, and those the page wrote. In no particular order.
   */
  async find<T extends object = Row>(table: string, where: Row, condition?: RowCondition): Promise<T[]> {
    await this.settle(table);
    return (await this.finds.find(table, where, condition)) as T[];
  }

  /**
   * `find` for rows made at or after `position` by the event whose position their column holds
   * (the condition checks it): when that is one of this page's events, no stored row can meet it,
   * so only the rows the page wrote are looked at and the database is not asked.
   */
  async findMadeSince<T extends object = Row>(table: string, where: Row, condition: RowCondition, position: number): Promise<T[]> {
    await this.settle(table);
    return (await this.finds.findMadeSince(table, where, condition, position)) as T[];
  }

  /**
   * Runs `task` once, after the page's last event and before its rows are written, however often
   * events ask for it under `key` (the first asking's task runs): work whose result only the page's
   * end state decides, such as judging a project's commitments again, is done once per page
   * instead of once per event. A task may read and write rows as an event does.
   */
  atPageEnd(key: string, task: () => Promise<void>): void {
    this.pageEnd.add(key, task);
  }

  /** Writes what the page changed: deletions, then the rows written, many per statement, then the shared tables' writes. */
  async flush(): Promise<void> {
    await this.pageEnd.run();
    await this.writes.write();
    this.finds.written();
    this.held.written();
  }

  /** The page's transaction committed at `checkpoint`: what it looked up is kept for the next pages. */
  committed(checkpoint: bigint): void {
    this.kept?.committed(checkpoint, this.held.rows(), (table, id) => this.reads.lookedUpRow(table, id));
  }
}
