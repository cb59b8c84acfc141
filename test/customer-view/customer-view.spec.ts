import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { CUSTOMER_VIEW } from '@cf/ledger';
import { type WorkedProject, workedProjectPortal } from '../fixtures/worked-project.js';
import type { Portal } from '../harness/portal-harness.js';

/** Every field of every object type under `type`, to a depth: what a customer could ask for. */
/**
 * The selections of every field of the type, and of the types below it, each type opened once on a path: a type
 * already opened above (a request's commitments' requests) is named by id only, for every type a
 * customer reaches is reached by some path that opens no type twice, and a cycle of linked lists
 * would cost more than the API allows an operation.
 */
const selections = (type: GraphQLNamedType, above: ReadonlySet<string> = new Set()): string[] => {
  if (!isObjectType(type)) return [];
  if (above.has(type.name)) return type.getFields().id ? ['__typename', 'id'] : ['__typename'];
  const fields = Object.values(type.getFields()).filter((f) => f.args.every((a) => !isNonNullType(a.type)));
  const path = new Set([...above, type.name]);
  return [
    '__typename',
    ...fields.map((f) => {
      const named = getNamedType(f.type);
      return isObjectType(named) ? `${f.name} { ${selections(named, path).join(' ')} }` : f.name;
    }),
  ];
};

/** The object types a customer reaches from `roots` through fields the view leaves visible. */
const reachable = (schema: GraphQLSchema, roots: string[]): Set<string> => {
  const seen = new Set<string>();
  const visit = (type: GraphQLNamedType): void => {
    if (!isObjectType(type) || seen.has(type.name)) return;
    seen.add(type.name);
    const view = CUSTOMER_VIEW[type.name];
    for (const field of Object.values(type.getFields())) if (!view?.hidden.includes(field.name)) visit(getNamedType(field.type));
  };
  for (const root of roots) visit(getNamedType(schema.getQueryType()!.getFields()[root].type));
  return seen;
};

/** Walks an answer beside its schema types: every field classified, every hidden one null, every contact the customer's own. */
const walk = (value: unknown, type: GraphQLOutputType, contactId: string, seen: Set<string>): void => {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return walk(value, type.ofType, contactId, seen);
  if (isListType(type)) return (value as unknown[]).forEach((item) => walk(item, type.ofType, contactId, seen));
  if (!isObjectType(type)) return;
  const object = value as Record<string, unknown>;
  const view = CUSTOMER_VIEW[type.name];
  expect({ type: type.name, classified: view !== undefined }).toEqual({ type: type.name, classified: true });
  if (type.name === 'Contact') expect(object.id).toBe(contactId);
  // Another CUSTOMER member is another contact: a customer sees the team and themselves.
  if (type.name === 'ProjectMember' && object.role === 'CUSTOMER') expect(object.name).toBe('Cora Customer');
  seen.add(type.name);
  for (const [field, fieldValue] of Object.entries(object)) {
    if (field === '__typename') continue;
    if (view!.hidden.includes(field))
      expect({ field: `${type.name}.${field}`, value: fieldValue }).toEqual({ field: `${type.name}.${field}`, value: null });
    else walk(fieldValue, (type as GraphQLObjectType).getFields()[field].type, contactId, seen);
  }
};

describe('the customer view, field by field', () => {
  const world = workedProjectPortal();
  let portal: Portal;
  let p: WorkedProject;
  let schema: GraphQLSchema;
  const ids: Record<string, string> = {};
  /** The queries a customer may ask, with the arguments of a project where they are Pat. */
  const roots = (): Record<string, Record<string, string>> => ({
    project: { id: p.projectId },
    projects: {},
    commitment: { id: ids.commitment },
    commitments: { projectId: p.projectId },
    request: { id: ids.request },
    requests: { projectId: p.projectId },
    contact: { id: p.pat },
    contacts: { projectId: p.projectId },
    statusReports: { projectId: p.projectId },
  });

  beforeAll(async () => {
    ({ portal, p } = world);
    schema = portal.app.get(GraphQLSchemaHost).schema;
    await portal.ok(
      'AddMember',
      { input: { projectId: p.projectId, userId: 'dee', name: 'Dee Decider', role: 'CUSTOMER', contactId: p.dora } },
      p.mia,
    );
    const session = await portal.ok(
      'LogContactSession',
      {
        input: {
          projectId: p.projectId,
          date: '2026-01-15',
          days: 1,
          kind: 'ON_SITE',
          developerIds: ['dan'],
          contactIds: [p.pat, p.dora],
        },
      },
      p.dan,
    );
    ids.session = session.logContactSession.session.id;
    ids.request = (
      await portal.ok(
        'RaiseRequest',
        {
          input: {
            projectId: p.projectId,
            title: 'CSV export',
            description: 'Monthly',
            kind: 'FEATURE',
            channel: 'DIRECT',
            requestedById: p.pat,
            sessionId: session.logContactSession.session.id,
            requirementIds: [p.r1],
          },
        },
        p.dan,
      )
    ).raiseRequest.request.id;
    await portal.ok(
      'RespondToRequest',
      { input: { requestId: ids.request, stance: 'ESTIMATE', message: 'About a week', estimateHours: 30 } },
      p.dan,
    );
    ids.commitment = (
      await portal.ok(
        'MakeCommitment',
        {
          input: {
            projectId: p.projectId,
            summary: 'CSV export',
            madeToId: p.pat,
            requestIds: [ids.request],
            requirementIds: [p.r1],
            estimateHours: 60,
          },
        },
        p.dan,
      )
    ).makeCommitment.commitment.id;
    for (const toldToId of [p.pat, p.dora]) {
      await portal.ok(
        'ReportStatus',
        { input: { projectId: p.projectId, subjectId: ids.commitment, toldStatus: 'ON_TRACK', toldToId, message: 'On its way' } },
        p.mia,
      );
    }
    await portal.ok(
      'ChangeOrder',
      {
        input: {
          projectId: p.projectId,
          budgetHours: 130,
          reason: 'CSV',
          coversCommitmentIds: [ids.commitment],
          countersignedById: p.dora,
        },
      },
      p.mia,
    );
  });

  it('classifies every field a customer can reach as visible or hidden, and every hidden one can read null', () => {
    for (const name of reachable(schema, Object.keys(roots()))) {
      const type = schema.getType(name) as GraphQLObjectType;
      const view = CUSTOMER_VIEW[name];
      expect({ name, classified: view !== undefined }).toEqual({ name, classified: true });
      expect({ name, fields: Object.keys(type.getFields()).sort() }).toEqual({ name, fields: [...view!.visible, ...view!.hidden].sort() });
      for (const field of view!.hidden)
        expect({ field: `${name}.${field}`, nullable: !isNonNullType(type.getFields()[field].type) }).toEqual({
          field: `${name}.${field}`,
          nullable: true,
        });
    }
  });

  it('answers a customer every query they may ask with hidden fields null and no other contact', async () => {
    const seen = new Set<string>();
    for (const [root, args] of Object.entries(roots())) {
      const field = schema.getQueryType()!.getFields()[root];
      const params = Object.keys(args)
        .map((name) => `$${name}: ID!`)
        .join(', ');
      // A page of 5 is every item of the worked project, and costs what the API allows.
      const given = [...Object.keys(args).map((a) => `${a}: $${a}`), ...(field.args.some((a) => a.name === 'first') ? ['first: 5'] : [])];
      const call = `${root}${given.length > 0 ? `(${given.join(', ')})` : ''}`;
      // One query per field of the root's type: all of them in one would cost more than the API allows an operation.
      for (const selection of selections(getNamedType(field.type))) {
        // With its id, each object says whose it is (a contact's must be Pat's).
        const id = isObjectType(getNamedType(field.type)) && (getNamedType(field.type) as GraphQLObjectType).getFields().id ? 'id' : '';
        const query = `query Everything${params ? `(${params})` : ''} { ${call} { __typename ${id} ${selection} } }`;
        const answer = await portal.graphql(query, args, p.cora);
        expect({ root, selection: selection.split(' ')[0], errors: answer.errors ?? [] }).toEqual({
          root,
          selection: selection.split(' ')[0],
          errors: [],
        });
        walk(answer.data![root], field.type, p.pat, seen);
      }
    }
    expect([...seen].sort()).toEqual(
      expect.arrayContaining([
        'Commitment',
        'Contact',
        'Project',
        'ProjectMember',
        'Request',
        'RequestResponse',
        'StatusReport',
        'UserRef',
      ]),
    );
  });

  it("shows a customer their own contact without the team's judgement of their authority", async () => {
    const query = 'query($id: ID!) { contact(id: $id) { name role canApproveScope } }';
    expect((await portal.graphql(query, { id: p.pat }, p.cora)).data).toEqual({
      contact: { name: 'Pat Proxy', role: null, canApproveScope: null },
    });
    expect((await portal.graphql(query, { id: p.pat }, p.mia)).data).toEqual({
      contact: { name: 'Pat Proxy', role: 'PROXY', canApproveScope: false },
    });
  });

  it('shows a customer no revision of a project, commitment or contact: it counts the hidden changes too', async () => {
    const query =
      'query($p: ID!, $c: ID!, $pat: ID!) { project(id: $p) { revision } commitment(id: $c) { revision } contact(id: $pat) { revision } }';
    const args = { p: p.projectId, c: ids.commitment, pat: p.pat };
    const projectRevision = async () =>
      ((await portal.graphql(query, args, p.mia)).data as { project: { revision: number } }).project.revision;
    const before = await projectRevision();
    await portal.ok('ChangeBudget', { input: { projectId: p.projectId, budgetHours: 321, reason: 'Internal re-estimate' } }, p.mia);
    expect(await projectRevision()).toBe(before + 1);
    expect((await portal.graphql(query, args, p.cora)).data).toEqual({
      project: { revision: null },
      commitment: { revision: null },
      contact: { revision: null },
    });
  });

  it('refuses a customer every other query about the project, and answers an id they may not see as unknown', async () => {
    const others: Record<string, [string, string, string]> = {
      dashboard: ['dashboard(projectId: $id) { projectionLag }', p.projectId, 'FORBIDDEN'],
      perceptionGaps: ['perceptionGaps(projectId: $id) { subjectId }', p.projectId, 'FORBIDDEN'],
      requirement: ['requirement(id: $id) { id }', p.r1, 'NOT_FOUND'],
      requirementChanges: ['requirementChanges(projectId: $id) { revision }', p.projectId, 'FORBIDDEN'],
      history: ['history(id: $id) { type }', ids.commitment, 'NOT_FOUND'],
      session: ['session(id: $id) { id }', ids.session, 'NOT_FOUND'],
    };
    for (const [root, [selection, id, code]] of Object.entries(others)) {
      const answer = await portal.graphql(`query Q($id: ID!) { ${selection} }`, { id }, p.cora);
      expect({ root, code: answer.errors?.[0].extensions.code }).toEqual({ root, code });
    }
  });
});
