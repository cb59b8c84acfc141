import { buildSchema, graphql } from 'graphql';
import type { LedgerRequest } from '../auth/request-of.js';
import type { ViewerRoles } from './viewer-roles.js';
import { withCustomerView } from './customer-view.schema.js';

/** The schema of a project's commitments, cut down to one visible and one hidden field. */
const schema = withCustomerView(
  buildSchema(`
    type Commitment { id: ID! projectId: ID! summary: String! madeWithoutAuthority: Boolean }
    type Query { commitment: Commitment! }
  `),
);

/** One object handed to every caller, as a cache or a shared constant would (a new one per test). */
let shared: Record<string, unknown>;
const root = { commitment: () => shared };
beforeEach(() => {
  shared = { id: 'c1', projectId: 'p1', summary: 'OCR of the claims', madeWithoutAuthority: true };
});

/** A caller whose roles are read, as ViewerRolesInterceptor leaves them; no role: no member of p1 (any more). */
const callerWith = (role?: string): LedgerRequest => {
  const viewerRoles: ViewerRoles = new Map(role ? [['p1', { role, contactId: role === 'CUSTOMER' ? 'k1' : null }]] : []);
  return {
    headers: {},
    viewerRoles: () => Promise.resolve(viewerRoles),
    viewerRolesRead: viewerRoles,
    customerNowhere: role !== 'CUSTOMER',
  };
};

/** The same caller before their roles were read (a field no interceptor ran before): the view reads them. */
const unread = (caller: LedgerRequest): LedgerRequest => {
  const read = caller.viewerRolesRead!;
  const request: LedgerRequest = { headers: {} };
  request.viewerRoles = () => {
    request.viewerRolesRead = read;
    request.customerNowhere = caller.customerNowhere;
    return Promise.resolve(read);
  };
  return request;
};

const HIDDEN = { commitment: { summary: 'OCR of the claims', madeWithoutAuthority: null } };
const SHOWN = { commitment: { summary: 'OCR of the claims', madeWithoutAuthority: true } };

const ask = async (req: LedgerRequest): Promise<unknown> =>
  (await graphql({ schema, source: '{ commitment { summary madeWithoutAuthority } }', rootValue: root, contextValue: { req } })).data;

describe('the customer view on the built schema', () => {
  it('hides a hidden field from a customer and shows it to a manager', async () => {
    expect(await ask(callerWith('CUSTOMER'))).toEqual(HIDDEN);
    expect(await ask(callerWith('MANAGER'))).toEqual(SHOWN);
  });

  it('reads the roles first when they were not read before the field', async () => {
    expect(await ask(unread(callerWith('CUSTOMER')))).toEqual(HIDDEN);
    expect(await ask(unread(callerWith('MANAGER')))).toEqual(SHOWN);
  });

  it('shows no more than a customer sees to a caller who is no member of the project when the roles are read', async () => {
    expect(await ask(callerWith())).toEqual(HIDDEN);
  });

  it("decides per operation: an object a manager saw first is still viewed for a customer's operation", async () => {
    // A manager who is CUSTOMER in another project does not pass at once: the object is looked at.
    const manager: LedgerRequest = { ...callerWith('MANAGER'), customerNowhere: false };
    expect(await ask(manager)).toEqual(SHOWN);
    expect(await ask(callerWith('CUSTOMER'))).toEqual(HIDDEN);
  });
});
