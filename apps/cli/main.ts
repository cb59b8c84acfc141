import 'reflect-metadata';
import { Command, InvalidArgumentError } from 'commander';
import { LONGEST_TOKEN_LIFE_DAYS, lifetimeMs, loadConfig } from '@cf/ledger';
import { exportCommand } from './commands/export.command.js';
import { importCommand } from './commands/import.command.js';
import { migrateCommand } from './commands/migrate.command.js';
import { rebuildCommand } from './commands/rebuild.command.js';
import { schemaCommand } from './commands/schema.command.js';
import { seedCommand } from './commands/seed.command.js';
import { tokenCommand } from './commands/token.command.js';
import { verifyCommand } from './commands/verify.command.js';

const wholeNumber = (value: string): number => {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be a whole number');
  return Number(value);
};

/**
 * A token's lifetime, in the short form jose reads ("30d"): above zero, since jose takes "-5d" and
 * signs a token the API refuses as expired, whole, since "0.1s" rounds to none, and at most a
 * year, the longest the API accepts.
 */
const lifetime = (value: string): string => {
  const ms = lifetimeMs(value);
  if (ms === undefined) throw new InvalidArgumentError('must be a whole number above 0 and a unit: s, m, h, d, w or y (e.g. 30d, 12h)');
  if (ms > LONGEST_TOKEN_LIFE_DAYS * 86_400_000)
    throw new InvalidArgumentError(`must be at most ${LONGEST_TOKEN_LIFE_DAYS} days (e.g. 1y is 365.25)`);
  return value;
};

// Each action loads the configuration itself: `--help` and usage errors need none.
const program = new Command('npm run cli --')
  .description('The customer-feedback ledger on the command line (configured by the same environment as the API).')
  .showHelpAfterError()
  .enablePositionalOptions();

program
  .command('token')
  .description("print a bearer token signed with this service's secret")
  .requiredOption('--user <id>', 'the user id the token names')
  .option('--name <name>', 'the name shown in events (default: the user id)')
  .option('--expires <duration>', 'how long it lives, e.g. 30d, 12h', lifetime, '30d')
  .action((options: { user: string; name?: string; expires: string }) => tokenCommand(loadConfig(), options));

program
  .command('rebuild')
  .description('replay the log into one or all read models (run it with the API stopped)')
  .argument('[projection]', 'the one projection to rebuild')
  .action((projection?: string) => rebuildCommand(loadConfig(), projection));

program
  .command('schema')
  .description('write apps/api/schema.graphql')
  .action(() => schemaCommand());

program
  .command('seed')
  .description('load the demo project through the API')
  .action(() => seedCommand(loadConfig()));

program
  .command('export')
  .description('the log as NDJSON (personal data stays sealed)')
  .option('--project <id>', "only this project's events")
  .option('--out <file>', 'write to a file instead of standard output')
  .option('--unseal', 'write personal fields in plain text (such a file can no longer be imported)')
  .action((options: { project?: string; out?: string; unseal?: boolean }) => exportCommand(loadConfig(), options));

program
  .command('import')
  .description('load an export into an empty store, every chain verified first')
  .argument('<file>', 'an NDJSON export')
  .action((file: string) => importCommand(loadConfig(), file));

program
  .command('migrate')
  .description('copy the log and keys between stores, resumable, verified at the end')
  .requiredOption('--from <url>', 'sqlite:<data dir> or postgres://…/db?schema=<name>')
  .requiredOption('--to <url>', 'the same forms as --from')
  .option('--limit <n>', 'copy at most this many events in this run', wholeNumber)
  .action((options: { from: string; to: string; limit?: number }) => migrateCommand(options));

program
  .command('verify')
  .description("re-compute every stream's hash chain over the whole log; a broken link is named and exits 1")
  .action(() => verifyCommand(loadConfig()));

program.parseAsync(process.argv).then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
