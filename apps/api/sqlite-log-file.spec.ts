import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { requireUsableSqliteLog } from './sqlite-log-file.js';

describe('an events.sqlite found in DATA_DIR at start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cf-sqlite-log-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  const at = (): string => join(dir, `events-${(n += 1)}.sqlite`);
  const written = (content: string | Buffer): string => {
    const file = at();
    writeFileSync(file, content);
    return file;
  };

  it('is taken when missing, empty, or a SQLite database (in WAL mode too, or through a link)', () => {
    const database = at();
    const db = new Database(database);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x)');
    db.close();
    const link = at();
    symlinkSync(database, link);
    for (const file of [at(), written(''), database, link]) expect(() => requireUsableSqliteLog(file)).not.toThrow();
  });

  it.each([
    ['another kind of file', () => written('not a database at all'), 'that is not a SQLite database'],
    ['a file cut inside the header', () => written('SQLite format 3\0'), 'that is cut short'],
    [
      'a header whose fixed fields are wrong',
      () => written(Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(84, 7)])),
      'whose header is damaged',
    ],
    [
      'a directory',
      () => {
        const directory = at();
        mkdirSync(directory);
        return directory;
      },
      'that is not a file',
    ],
    [
      'a link to nothing',
      () => {
        const link = at();
        symlinkSync(join(dir, 'gone.sqlite'), link);
        return link;
      },
      'that is a link to nothing',
    ],
  ])('is refused when %s, naming DATA_DIR', (_label, make, why) => {
    expect(() => requireUsableSqliteLog(make())).toThrow(`Invalid configuration: DATA_DIR holds an events.sqlite ${why}`);
  });
});
