// Lint rule: a context queries only the read-model tables its own projections declare. Another
// context's figures come through that context's public functions (@cf/<context>), so a table can
// change with the projection that owns it. Ownership is read from each projection's `tables` list.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const QUERIES = new Set([
  'selectFrom',
  'insertInto',
  'replaceInto',
  'updateTable',
  'deleteFrom',
  'mergeInto',
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
]);

/** table name → the lib whose projection declares it */
export const tableOwners = (root = ROOT) => {
  const owners = new Map();
  for (const lib of readdirSync(join(root, 'libs'))) {
    const dir = join(root, 'libs', lib, 'read-model');
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'))) {
      const text = readFileSync(join(dir, file), 'utf8');
      for (const [, list] of text.matchAll(/(?:tables:|_TABLES\s*=)\s*\[([^\]]*)\]/g)) {
        for (const [, table] of list.matchAll(/'([a-z0-9_]+)'/g)) owners.set(table, lib);
      }
    }
  }
  return owners;
};

export const ownTables = (owners = tableOwners()) => ({
  meta: {
    type: 'problem',
    messages: { foreign: '{{table}} is a table of {{owner}}: read it through @cf/{{owner}}, not with SQL from {{lib}}' },
    schema: [],
  },
  create(context) {
    const lib = /(?:^|\/)libs\/([^/]+)\//.exec(context.filename.replaceAll('\\', '/'))?.[1];
    if (!lib) return {};
    return {
      CallExpression(node) {
        const method =
          node.callee.type === 'MemberExpression' && node.callee.property.type === 'Identifier' ? node.callee.property.name : undefined;
        const [first] = node.arguments;
        if (!method || !QUERIES.has(method) || first?.type !== 'Literal' || typeof first.value !== 'string') return;
        const table = first.value.trim().split(/\s+/)[0];
        const owner = owners.get(table);
        if (owner && owner !== lib) context.report({ node: first, messageId: 'foreign', data: { table, owner, lib } });
      },
    };
  },
});

export default { rules: { 'own-tables': ownTables() } };
