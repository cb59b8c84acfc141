import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LedgerConfig } from '../config/ledger-config.js';
import { resolveJwtSecret } from './jwt-secret.js';

describe('the secret kept in DATA_DIR/jwt-secret', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-jwt-secret-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const config = { dataDir } as LedgerConfig;
  const file = join(dataDir, 'jwt-secret');

  it('is refused when shorter than AUTH_JWT_SECRET may be, empty included: a guessable key would let anyone sign tokens', () => {
    for (const kept of ['abc', '', '   \n']) {
      writeFileSync(file, kept);
      expect(() => resolveJwtSecret(config)).toThrow(
        `Invalid configuration: AUTH_JWT_SECRET is not set, and ${file} holds a secret of ${kept.trim().length} characters, fewer than the 32`,
      );
    }
  });

  it('is used when long enough, and a configured AUTH_JWT_SECRET wins over it', () => {
    writeFileSync(file, `${'k'.repeat(32)}\n`);
    expect(resolveJwtSecret(config)).toEqual({ secret: 'k'.repeat(32), made: false });
    expect(resolveJwtSecret({ ...config, jwtSecret: 's'.repeat(40) })).toEqual({ secret: 's'.repeat(40), made: false });
  });
});
