import 'reflect-metadata';
import { ConfigError, loadConfig } from '@cf/ledger';
import { CliArguments } from './cli-arguments.js';
import { exportCommand } from './commands/export.command.js';
import { importCommand } from './commands/import.command.js';
import { migrateCommand } from './commands/migrate.command.js';
import { rebuildCommand } from './commands/rebuild.command.js';
import { schemaCommand } from './commands/schema.command.js';
import { seedCommand } from './commands/seed.command.js';
import { tokenCommand } from './commands/token.command.js';

const USAGE = `usage: npm run cli -- <command>
  token --user <id> [--name <name>] [--expires 30d]   print a bearer token
  rebuild [projection]                                 replay the log into one or all read models
  schema                                               write apps/api/schema.graphql
  seed                                                 load the demo project through the API
  export [--project P] [--out file] [--unseal]         the log as NDJSON (personal data stays sealed)
  import <file>                                        load an export into an empty store, chains verified first
  migrate --from <url> --to <url> [--limit N]          copy the log and keys between stores, resumable, verified
                                                       urls: sqlite:<data dir> | postgres://…/db?schema=<name>`;

const run = async (argv: string[]): Promise<void> => {
  const [command, ...rest] = argv;
  const args = new CliArguments(rest);
  switch (command) {
    case 'token': return tokenCommand(loadConfig(), args);
    case 'rebuild': return rebuildCommand(loadConfig(), args);
    case 'schema': return schemaCommand();
    case 'seed': return seedCommand(loadConfig());
    case 'export': return exportCommand(loadConfig(), args);
    case 'import': return importCommand(loadConfig(), args);
    case 'migrate': return migrateCommand(args);
    default:
      console.error(USAGE);
      process.exitCode = command ? 1 : 0;
  }
};

run(process.argv.slice(2)).then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
