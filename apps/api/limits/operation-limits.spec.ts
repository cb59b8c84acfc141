import { readFileSync } from 'node:fs';
import { Kind, buildSchema } from 'graphql';
import { portalDocument, portalOperations } from '../../../test/harness/portal-operations.js';
import { operationRefusals } from './operation-limits.js';

const schema = buildSchema(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));

describe('operationRefusals', () => {
  it.each(portalOperations().map((o) => [o.name!.value, o] as const))(
    'lets the portal operation %s through, pages at their largest',
    (_name, operation) => {
      const fragments = portalDocument().definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
      const document = { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] } as never;
      expect(operationRefusals(schema, document, { first: 500 }, undefined, { introspection: false }).map((e) => e.message)).toEqual([]);
    },
  );
});
