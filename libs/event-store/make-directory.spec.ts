import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDirectory, unmakeDirectories } from './make-directory.js';

describe('makeDirectory and unmakeDirectories', () => {
  const top = mkdtempSync(join(tmpdir(), 'cf-make-directory-'));
  afterAll(() => rmSync(top, { recursive: true, force: true }));

  it('answers the directories it made, top down, and takes back only those still empty', () => {
    const made = makeDirectory(join(top, 'a', 'b', 'c'));
    expect(made).toEqual([join(top, 'a'), join(top, 'a', 'b'), join(top, 'a', 'b', 'c')]);
    expect(makeDirectory(join(top, 'a', 'b'))).toEqual([]);
    writeFileSync(join(top, 'a', 'b', 'written-meanwhile'), 'x');
    unmakeDirectories(made);
    expect([existsSync(join(top, 'a', 'b', 'c')), existsSync(join(top, 'a', 'b', 'written-meanwhile'))]).toEqual([false, true]);
  });
});
