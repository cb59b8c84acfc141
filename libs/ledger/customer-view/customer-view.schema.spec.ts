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

const callerWith = (role: string): LedgerRequest => {
  const viewerRoles: ViewerRoles = new Map([['p1', { role, contactId: role === 'CUSTOMER' ? 'k1' : null }]]);
  return { headers: {}, viewerRoles, customerNowhere: role !== 'CUSTOMER' };
};

const ask = async (req: LedgerRequest): Promise<unknown> =>
  (await graphql({ schema, source: '{ commitment { summary madeWithoutAuthority } }', rootValue: root, contextValue: { req } })).data;

describe('the customer view on the built schema', () => {
  it('hides a hidden field from a customer and shows it to a manager', async () => {
    expect(await ask(callerWith('CUSTOMER'))).toEqual({ commitment: { summary: 'OCR of the claims', madeWithoutAuthority: null } });
    expect(await ask(callerWith('MANAGER'))).toEqual({ commitment: { summary: 'OCR of the claims', madeWithoutAuthority: true } });
  });

  it("decides per operation: an object a manager saw first is still viewed for a customer's operation", async () => {
    // A manager who is CUSTOMER in another project does not pass at once: the object is looked at.
    const manager: LedgerRequest = { ...callerWith('MANAGER'), customerNowhere: false };
    expect(await ask(manager)).toEqual({ commitment: { summary: 'OCR of the claims', madeWithoutAuthority: true } });
    expect(await ask(callerWith('CUSTOMER'))).toEqual({ commitment: { summary: 'OCR of the claims', madeWithoutAuthority: null } });
  });
});
