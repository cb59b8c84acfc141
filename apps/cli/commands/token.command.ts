import { type LedgerConfig, resolveJwtSecret, signToken } from '@cf/ledger';

export interface TokenOptions {
  user: string;
  name?: string;
  /** How long the token lives, as the CLI checked it: 30d, 12h, 90m. */
  expires: string;
}

/** `token --user <id> [--name <name>] [--expires 30d]`: prints a bearer token signed with this service's secret. */
export const tokenCommand = async (config: LedgerConfig, { user, name, expires }: TokenOptions): Promise<void> => {
  const { secret } = resolveJwtSecret(config);
  console.log(await signToken(secret, { userId: user, name: name ?? user }, expires));
};
