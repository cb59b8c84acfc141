import type { Row, RowStatements } from './row-statements.js';

/**
 * Counter moves on rows a page has not read, by table and key (a move is the key and the amount
 * of each moved column). They are written at the end of the page as increments, so a counter
 * costs no read, unless the page reads the table first: then they are taken and applied there.
 */
export class CounterMoves {
  private readonly tables = new Map<string, Map<string, Row>>();

  move(table: string, id: string, key: Row, column: string, amount: number): void {
    let moves = this.tables.get(table);
    if (!moves) this.tables.set(table, (moves = new Map()));
    const move = moves.get(id) ?? { ...key };
    moves.set(id, { ...move, [column]: ((move[column] as number | undefined) ?? 0) + amount });
  }

  /** The row is written whole: the moves before are in it, or overwritten as the page says. */
  forget(table: string, id: string): void {
    this.tables.get(table)?.delete(id);
  }

  /** The table's pending moves, taken out. */
  take(table: string): Row[] {
    const moves = this.tables.get(table);
    this.tables.delete(table);
    return moves ? [...moves.values()] : [];
  }

  /** Writes every pending move as increments. */
  async write(statements: RowStatements, keysOf: (table: string) => readonly string[]): Promise<void> {
    for (const [table, moves] of this.tables) await statements.incrementAll(table, keysOf(table), [...moves.values()]);
    this.tables.clear();
  }
}

/** A stored row with a move added to it; no row: the move is the new row (its key and amounts). */
export const movedRow = (keys: readonly string[], stored: Row | undefined, move: Row): Row => {
  if (!stored) return move;
  const moved = { ...stored };
  for (const column of Object.keys(move)) if (!keys.includes(column)) moved[column] = (stored[column] as number) + (move[column] as number);
  return moved;
};
