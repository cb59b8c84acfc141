import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import pg from 'pg';
import { type BenchRow, ratioOf, renderTable, targetMet } from './bench-table.js';

const RESULTS = new URL('../../bench/RESULTS.md', import.meta.url); // from dist/bench
const PACKAGES = [
  'better-sqlite3',
  'pg',
  'sqlite3',
  '@event-driven-io/emmett-sqlite',
  '@event-driven-io/emmett-postgresql',
  'autocannon',
  '@apollo/server',
  'graphql',
  '@nestjs/core',
];

/** A package's version, from the service's packages or the bench's own (bench/package.json). */
const versionOf = (name: string): string => {
  for (const packages of ['../../node_modules', '../../bench/node_modules']) {
    try {
      return (JSON.parse(readFileSync(new URL(`${packages}/${name}/package.json`, import.meta.url), 'utf8')) as { version: string })
        .version;
    } catch {
      // not in this one
    }
  }
  return 'not installed';
};

const postgresVersion = async (): Promise<string> => {
  const client = new pg.Client({
    connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    connectionTimeoutMillis: 2_000,
  });
  try {
    await client.connect();
    return (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
  } catch (error) {
    return `unreachable (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
};

const commit = (): string => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};

const targetsSection = (rows: BenchRow[]): string[] => {
  const lines: string[] = [];
  for (const row of rows.filter((r) => r.target)) {
    const met = targetMet(row);
    const ratio = ratioOf(row);
    const goal = `${row.higherIsBetter ? '≥' : '≤'} ${row.target!.ratio}×`;
    lines.push(
      `- **${row.bench}, ${row.case}: ${met ? 'met' : 'missed'}** (${ratio?.toFixed(2)}×, target ${goal}).${met ? '' : ` ${row.target!.whenMissed}`}`,
    );
  }
  return lines;
};

/** Writes bench/RESULTS.md from a full run: when, where, with what, the table, and every target met or missed. */
export const writeResults = async (rows: BenchRow[], startedAt: Date): Promise<string> => {
  const cpu = cpus();
  const notes = rows.filter((r) => r.note).map((r) => `- ${r.bench}, ${r.case}: ${r.note}`);
  const text = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (a full run); every ratio compares two figures measured in the same run.',
    '',
    `- Run: ${startedAt.toISOString()} to ${new Date().toISOString()}, commit ${commit()}`,
    `- Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${process.platform} ${process.arch}`,
    `- Node ${process.version}, PostgreSQL ${await postgresVersion()}`,
    `- Packages: ${PACKAGES.map((name) => `${name} ${versionOf(name)}`).join(', ')}`,
    '',
    renderTable(rows),
    '',
    '## Targets',
    '',
    ...targetsSection(rows),
    ...(notes.length ? ['', '## Notes', '', ...notes] : []),
    '',
  ].join('\n');
  writeFileSync(RESULTS, text);
  return RESULTS.pathname;
};
