import Database from 'better-sqlite3';
import { withPreparedStatements } from './prepared-statements.js';

describe('withPreparedStatements', () => {
  let database: Database.Database;
  beforeEach(() => {
    database = new Database(':memory:');
    database.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT)');
    database.exec("INSERT INTO items (name) VALUES ('a'), ('b'), ('c')");
  });
  afterEach(() => database.close());

  it('prepares each SQL text once and hands out the same statement again', () => {
    const prepared = withPreparedStatements(database);
    const first = prepared.prepare('SELECT name FROM items WHERE id = ?');
    expect(prepared.prepare('SELECT name FROM items WHERE id = ?')).toBe(first);
    expect(first.all([2])).toEqual([{ name: 'b' }]);
  });

  it('drops every statement once it holds its capacity, and prepares them again as they come', () => {
    const prepared = withPreparedStatements(database, 2);
    const a = prepared.prepare('SELECT 1');
    prepared.prepare('SELECT 2');
    expect(prepared.prepare('SELECT 1')).toBe(a);
    const c = prepared.prepare('SELECT 3');
    expect(prepared.prepare('SELECT 3')).toBe(c);
    const again = prepared.prepare('SELECT 1');
    expect(again).not.toBe(a);
    expect(prepared.prepare('SELECT 1')).toBe(again);
  });

  it('prepares a fresh statement for a query that is still being iterated', () => {
    const prepared = withPreparedStatements(database);
    const sql = 'SELECT name FROM items ORDER BY id';
    const seen: string[] = [];
    for (const row of prepared.prepare(sql).iterate([]) as Iterable<{ name: string }>) {
      seen.push(`${row.name}:${prepared.prepare(sql).all([]).length}`);
    }
    expect(seen).toEqual(['a:3', 'b:3', 'c:3']);
  });
});
