import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LedgerConfig } from '../config/ledger-config.js';

/**
 * The configured AUTH_JWT_SECRET, or — so that a newcomer needs nothing but Node — one made
 * once and kept in DATA_DIR/jwt-secret (readable by the owner only).
 */
export const resolveJwtSecret = (config: LedgerConfig): { secret: string; generated: boolean } => {
  if (config.jwtSecret) return { secret: config.jwtSecret, generated: false };
  const file = join(config.dataDir, 'jwt-secret');
  if (existsSync(file)) return { secret: readFileSync(file, 'utf8').trim(), generated: true };
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return { secret, generated: true };
};
