import type pg from 'pg';
import { ConfigError } from '@cf/ledger';

/**
 * The role DATABASE_URL connects as may work in the store's schemas: it may make those missing (a
 * role given its schemas beforehand needs no CREATE on the database), and use those there — USAGE
 * and CREATE, or USAGE alone where it only reads the log (`readOnly`: export, verify). Asked of the
 * catalog before anything is opened, so a role without them is told in one line which grant it
 * lacks, not with the driver's "permission denied for schema" from deep in a start.
 */
export const requireSchemaPrivileges = async (
  client: pg.Client,
  schemas: string[],
  { database, readOnly }: { database: string; readOnly: boolean },
): Promise<void> => {
  const { rows } = await client.query<{ role: string; may_create: boolean; missing: string[]; unusable: string[] }>(
    `SELECT current_user AS role, has_database_privilege(current_database(), 'CREATE') AS may_create,
            array(SELECT s FROM unnest($1::text[]) AS s WHERE to_regnamespace(s) IS NULL) AS missing,
            array(SELECT s FROM unnest($1::text[]) AS s WHERE to_regnamespace(s) IS NOT NULL
                   AND NOT (has_schema_privilege(s, 'USAGE') AND ($2 OR has_schema_privilege(s, 'CREATE')))) AS unusable`,
    [schemas, readOnly],
  );
  const { role, may_create: mayCreate, missing, unusable } = rows[0];
  const plural = (names: string[]) => `${names.length > 1 ? 'schemas' : 'schema'} ${names.join(' and ')}`;
  if (unusable.length > 0)
    throw new ConfigError(
      'DATABASE_URL',
      `connects as "${role}", who may not ${readOnly ? 'use' : 'use and create tables in'} ${plural(unusable)}: grant them ${readOnly ? 'USAGE on it and SELECT on its tables' : 'USAGE and CREATE there (and the tables in it), or connect as the role that made it'}; nothing was written`,
    );
  if (readOnly || mayCreate || missing.length === 0) return;
  throw new ConfigError(
    'DATABASE_URL',
    `connects as "${role}", who may not create ${plural(missing)} in database "${database}": grant them CREATE on the database, or make the schemas beforehand owned by them (CREATE SCHEMA … AUTHORIZATION ${role}); nothing was written`,
  );
};
