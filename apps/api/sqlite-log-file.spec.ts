import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { requireUsableSqliteFile, requireUsableSqliteFiles } from './sqlite-log-file.js';

describe('an events.sqlite found in DATA_DIR at start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cf-sqlite-log-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  /** A place for an events.sqlite in a directory of its own. */
  const at = (name = 'events.sqlite'): string => {
    const own = join(dir, String((n += 1)));
    mkdirSync(own);
    return join(own, name);
  };
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
    for (const file of [at(), written(''), database, link]) expect(() => requireUsableSqliteFile(file)).not.toThrow();
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
    expect(() => requireUsableSqliteFile(make())).toThrow(`Invalid configuration: DATA_DIR holds an events.sqlite ${why}`);
  });
});

describe('the other SQLite files of DATA_DIR', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cf-sqlite-files-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are refused when they are not SQLite databases, each with what to do about it', () => {
    writeFileSync(join(dir, 'read-models.sqlite'), 'not a database at all');
    expect(() => requireUsableSqliteFiles(dir, true)).toThrow(
      'DATA_DIR holds a read-models.sqlite that is not a SQLite database: move it aside: the read models are rebuilt from the log at start',
    );
    rmSync(join(dir, 'read-models.sqlite'));
    writeFileSync(join(dir, 'personal-data-keys.sqlite'), 'not a database at all');
    expect(() => requireUsableSqliteFiles(dir, true)).toThrow('DATA_DIR holds a personal-data-keys.sqlite that is not a SQLite database');
    rmSync(join(dir, 'personal-data-keys.sqlite'));
  });

  it("leave the log's file alone where the log is kept elsewhere (EventStoreDB)", () => {
    writeFileSync(join(dir, 'events.sqlite'), 'not a database at all');
    expect(() => requireUsableSqliteFiles(dir, false)).not.toThrow();
    expect(() => requireUsableSqliteFiles(dir, true)).toThrow('DATA_DIR holds an events.sqlite');
  });
});
