import { type LedgerConfig, resolveJwtSecret, signToken } from '@cf/ledger';
import type { CliArguments } from '../cli-arguments.js';

/** `token --user <id> --name <name> [--expires 30d]`: prints a bearer token signed with this service's secret. */
export const tokenCommand = async (config: LedgerConfig, args: CliArguments): Promise<void> => {
  const userId = args.required('user');
  const name = args.option('name') ?? userId;
  const { secret } = resolveJwtSecret(config);
  console.log(await signToken(secret, { userId, name }, args.option('expires') ?? '30d'));
};
