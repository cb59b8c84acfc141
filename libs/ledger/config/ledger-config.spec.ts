import { ConfigError, loadConfig } from './ledger-config.js';

describe('loadConfig', () => {
  it('defaults to the embedded SQLite store in ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ eventStore: 'sqlite', port: 3000 });
    expect(config.dataDir.endsWith('/data')).toBe(true);
  });

  it('answers introspection unless NODE_ENV=production or GRAPHQL_INTROSPECTION=off', () => {
    expect(loadConfig({}).introspection).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'on' }).introspection).toBe(true);
    expect(loadConfig({ GRAPHQL_INTROSPECTION: 'off' }).introspection).toBe(false);
  });

  it('caps live subscriptions at 20 per socket and 50 per user unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ subscriptionsPerSocket: 20, subscriptionsPerUser: 50 });
    expect(loadConfig({ SUBSCRIPTIONS_PER_SOCKET: '2', SUBSCRIPTIONS_PER_USER: '3' })).toMatchObject({
      subscriptionsPerSocket: 2,
      subscriptionsPerUser: 3,
    });
  });

  it('limits operations without a token to 60 per client address a minute unless told otherwise', () => {
    expect(loadConfig({}).anonymousRateLimitPerMinute).toBe(60);
    expect(loadConfig({ ANONYMOUS_RATE_LIMIT_PER_MINUTE: '5' }).anonymousRateLimitPerMinute).toBe(5);
  });

  it('listens on every interface unless HOST names an address', () => {
    expect(loadConfig({}).host).toBeUndefined();
    expect(loadConfig({ HOST: '127.0.0.1' }).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '::' }).host).toBe('::');
  });

  it('listens on any free port with PORT=0, as the tests do', () => {
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
  });

  it.each([
    [{ EVENT_STORE: 'mongo' }, 'EVENT_STORE'],
    [{ EVENT_STORE: 'postgres' }, 'DATABASE_URL'],
    [{ EVENT_STORE: 'eventstoredb' }, 'EVENTSTORE_CONNECTION_STRING'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '' }, 'PORT'], // not 0, a port picked at random
    [{ HOST: 'localhost' }, 'HOST'], // a name may resolve to several addresses
    [{ HOST: '' }, 'HOST'],
    [{ PORT: '8080.5' }, 'PORT'],
    [{ DATA_DIR: '' }, 'DATA_DIR'], // not the working directory
    [{ RATE_LIMIT_PER_MINUTE: '' }, 'RATE_LIMIT_PER_MINUTE'],
    [{ ANONYMOUS_RATE_LIMIT_PER_MINUTE: '0' }, 'ANONYMOUS_RATE_LIMIT_PER_MINUTE'],
    [{ SUBSCRIPTIONS_PER_SOCKET: '0' }, 'SUBSCRIPTIONS_PER_SOCKET'], // no subscription at all: the portal's live feed would never open
    [{ SUBSCRIPTIONS_PER_USER: '' }, 'SUBSCRIPTIONS_PER_USER'],
    [{ SUBSCRIPTIONS_PER_USER: 'many' }, 'SUBSCRIPTIONS_PER_USER'],
    [{ SOCKETS_PER_USER: '0' }, 'SOCKETS_PER_USER'],
    [{ AUTH_JWT_SECRET: 'short' }, 'AUTH_JWT_SECRET'],
    [{ GRAPHQL_INTROSPECTION: 'yes' }, 'GRAPHQL_INTROSPECTION'],
    [{ EVENT_STORE: 'postgres', DATABASE_URL: 'mysql://root@127.0.0.1/test' }, 'DATABASE_URL'],
    [{ EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://postgres@127.0.0.1:notaport/test' }, 'DATABASE_URL'],
    [{ EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://postgres@127.0.0.1:99999/test' }, 'DATABASE_URL'],
    [{ EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://%zz@127.0.0.1/test' }, 'DATABASE_URL'],
    [{ EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://p@127.0.0.1/test?schema=team', DATABASE_SCHEMA: 'other' }, 'DATABASE_SCHEMA'],
  ])('names the bad variable in %j', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });

  it.each([
    ['Bad-Name', 'a lower-case SQL identifier of at most 41 characters'],
    ['x'.repeat(42), 'a lower-case SQL identifier of at most 41 characters'],
    ['pg_ledger', 'a schema PostgreSQL keeps for itself'],
    ['information_schema', 'a schema PostgreSQL keeps for itself'],
  ])('refuses DATABASE_SCHEMA=%s, saying why', (schema, why) => {
    expect(() => loadConfig({ DATABASE_SCHEMA: schema })).toThrow(`Invalid configuration: DATABASE_SCHEMA `);
    expect(() => loadConfig({ DATABASE_SCHEMA: schema })).toThrow(why);
  });

  it("takes DATABASE_URL's ?schema= as DATABASE_SCHEMA, as migrate's store URLs name a schema", () => {
    const env = { EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://p@127.0.0.1/test?schema=team' };
    expect(loadConfig(env).databaseSchema).toBe('team');
    expect(loadConfig({ ...env, DATABASE_SCHEMA: 'team' }).databaseSchema).toBe('team');
    expect(() => loadConfig({ ...env, DATABASE_SCHEMA: 'other' })).toThrow(
      'Invalid configuration: DATABASE_SCHEMA is other while DATABASE_URL names ?schema=team: name the schema once',
    );
    expect(() => loadConfig({ ...env, DATABASE_URL: 'postgres://p@127.0.0.1/test?schema=pg_x' })).toThrow(
      'Invalid configuration: DATABASE_URL ?schema= names a schema PostgreSQL keeps for itself (got "pg_x")',
    );
  });

  it('takes any other lower-case identifier up to 41 characters as DATABASE_SCHEMA', () => {
    for (const schema of ['x'.repeat(41), 'team_read', 'ledger'])
      expect(loadConfig({ DATABASE_SCHEMA: schema }).databaseSchema).toBe(schema);
  });
});
