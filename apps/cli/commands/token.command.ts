import { join } from 'node:path';
import { ConfigError, type LedgerConfig, knownJwtSecret, signToken } from '@cf/ledger';

export interface TokenOptions {
  user: string;
  name?: string;
  /** How long the token lives, as the CLI checked it: 30d, 12h, 90m. */
  expires: string;
}

/**
 * `token --user <id> [--name <name>] [--expires 30d]`: prints a bearer token signed with this
 * service's secret: AUTH_JWT_SECRET, or the one an API started without it keeps in DATA_DIR. It
 * makes none: a secret made here (a DATA_DIR mistyped, or not the API's) would sign a token no
 * API accepts, printed as if it were good.
 */
export const tokenCommand = async (config: LedgerConfig, { user, name, expires }: TokenOptions): Promise<void> => {
  const secret = knownJwtSecret(config);
  if (secret === undefined)
    throw new ConfigError(
      'AUTH_JWT_SECRET',
      `is not set and ${join(config.dataDir, 'jwt-secret')} holds no secret: set it as the API has it, or name in DATA_DIR the directory of an API started without it; no token was made`,
    );
  console.log(await signToken(secret, { userId: user, name: name ?? user }, expires));
};
