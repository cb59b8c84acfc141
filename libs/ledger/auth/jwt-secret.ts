import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { makeDirectory } from '@cf/event-store';
import { join } from 'node:path';
import { ConfigError, type LedgerConfig, MIN_JWT_SECRET_LENGTH } from '../config/ledger-config.js';

/** The secret in use, and whether this call made it (false for a configured or a kept one). */
export interface JwtSecret {
  secret: string;
  made: boolean;
}

/** A kept secret is held to AUTH_JWT_SECRET's rule: a short or emptied file is refused, never trusted. */
const trusted = (file: string, secret: string): string => {
  if (secret.length >= MIN_JWT_SECRET_LENGTH) return secret;
  throw new ConfigError(
    'AUTH_JWT_SECRET',
    `is not set, and ${file} holds a secret of ${secret.length} characters, fewer than the ${MIN_JWT_SECRET_LENGTH} a secret needs: set AUTH_JWT_SECRET, or delete the file so that a new secret is made (tokens signed with the old one stop working)`,
  );
};

const keptIn = (file: string): string | undefined => {
  try {
    return trusted(file, readFileSync(file, 'utf8').trim());
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw error;
  }
};

/**
 * Writes a new secret whole into a file of its own (on disk before it is named), then links it as
 * `file`. A link is never made over a file already there: of processes starting at the same
 * moment (two instances, the API and `seed`) exactly one makes the secret, the others read
 * that one's, and none reads it half-written.
 */
const makeOnce = (file: string, secret: string = newJwtSecret()): JwtSecret => {
  const draft = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(draft, 'wx', 0o600);
  try {
    writeSync(fd, secret);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(draft, file);
    return { secret, made: true };
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') throw error;
    return { secret: trusted(file, readFileSync(file, 'utf8').trim()), made: false };
  } finally {
    rmSync(draft, { force: true });
  }
};

/** A secret for a newcomer: 32 random bytes. */
export const newJwtSecret = (): string => randomBytes(32).toString('hex');

/** Keeps `secret` in DATA_DIR/jwt-secret, unless another process kept one first: then that one is the secret. */
export const keepJwtSecret = (config: LedgerConfig, secret: string): JwtSecret => {
  makeDirectory(config.dataDir);
  return makeOnce(join(config.dataDir, 'jwt-secret'), secret);
};

/** The configured AUTH_JWT_SECRET, or the one kept in DATA_DIR; undefined when a start would make one. */
export const knownJwtSecret = (config: LedgerConfig): string | undefined => config.jwtSecret ?? keptIn(join(config.dataDir, 'jwt-secret'));

/**
 * The configured AUTH_JWT_SECRET, or — so that a newcomer needs nothing but Node — one made
 * once and kept in DATA_DIR/jwt-secret (readable by the owner only).
 */
export const resolveJwtSecret = (config: LedgerConfig): JwtSecret => {
  const known = knownJwtSecret(config);
  if (known !== undefined) return { secret: known, made: false };
  const file = join(config.dataDir, 'jwt-secret');
  makeDirectory(config.dataDir);
  return makeOnce(file);
};
