// DESIGN §2's layers as rules: `npm run lint` fails on the first import that crosses one.
// Contexts: the libs that hold a part of the domain (everything but the plumbing below).
const PLUMBING = 'core|event-store|ledger|personal-data';
// Unit specs sit beside their code; end-to-end specs (*.e2e.ts) drive the whole app, so they may import it.
const TESTS = '\\.(spec|e2e|spec-fixtures)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle makes load order matter and layers meaningless (types that refer to each other load nothing).',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'core-imports-nothing-of-ours',
      severity: 'error',
      comment: 'libs/core is the pure kernel: no Nest, no store, no context.',
      from: { path: '^libs/core/', pathNot: TESTS },
      to: { path: ['^libs/(?!core/)', '^apps/', '(^|/)node_modules/@nestjs/', '(^|/)node_modules/(kysely|pg|better-sqlite3)/'] },
    },
    {
      name: 'store-imports-no-context',
      severity: 'error',
      comment: 'The event store knows events, not what they mean.',
      from: { path: '^libs/event-store/', pathNot: TESTS },
      to: { path: '^libs/(?!core/|event-store/)' },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'decide/evolve: no Nest, no I/O, no clock (time comes in the command).',
      from: { path: '^libs/[^/]+/domain/', pathNot: TESTS },
      to: {
        path: [
          '(^|/)node_modules/@nestjs/',
          '(^|/)node_modules/(kysely|pg|better-sqlite3|@eventstore)/',
          '^libs/(event-store|ledger|personal-data)/',
        ],
        dependencyTypesNot: ['type-only'],
      },
    },
    { name: 'libs-never-import-apps', severity: 'error', from: { path: '^libs/', pathNot: '\\.e2e\\.ts$' }, to: { path: '^apps/' } },
    {
      name: 'production-never-imports-tests',
      severity: 'error',
      comment: 'Test support and benches stay out of what ships.',
      from: { path: '^(apps|libs)/', pathNot: TESTS },
      to: { path: ['^test/', '^bench/', TESTS, '(^|/)node_modules/(jest|@jest|fast-check|@nestjs/testing)/'] },
    },
    {
      name: 'contexts-through-their-public-face',
      severity: 'error',
      comment: 'Another lib is read only through @cf/<lib> (its index.ts), never a file inside it.',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/([^/]+)/.+', pathNot: ['^libs/$1/', '^libs/[^/]+/index\\.ts$'] },
    },
    {
      name: 'plumbing-imports-no-context',
      severity: 'error',
      comment: `The plumbing (${PLUMBING}) serves contexts; it does not read them.`,
      from: { path: `^libs/(${PLUMBING})/`, pathNot: TESTS },
      to: { path: '^libs/', pathNot: `^libs/(${PLUMBING})/` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|data|node_modules|test/lint/violations)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.json'] },
  },
};
