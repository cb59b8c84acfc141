import { buildSchema, graphql } from 'graphql';
import type { LedgerRequest } from '../auth/request-of.js';
import type { ViewerRoles } from './viewer-roles.js';
import { withCustomerView } from './customer-view.schema.js';

/** A project's commitment cut down to a few fields of each kind the policy names (visible, hidden, another contact). */
const schema = withCustomerView(
  buildSchema(`
    type UserRef { name: String! userId: ID }
    type Contact { id: ID! name: String! }
    type Commitment { id: ID! projectId: ID! summary: String! madeWithoutAuthority: Boolean madeBy: UserRef! madeTo: Contact }
    type Query { commitment: Commitment! }
  `),
);

const QUERY = '{ commitment { summary madeWithoutAuthority madeBy { name userId } madeTo { id } } }';

/** One object handed to every caller, as a cache or a shared constant would (a new one per test). */
let shared: Record<string, unknown>;
const root = { commitment: () => shared };
const commitment = (madeTo: string, answer: <T>(value: T) => unknown = (value) => value): Record<string, unknown> => ({
  id: 'c1',
  projectId: 'p1',
  summary: 'OCR of the claims',
  madeWithoutAuthority: true,
  madeBy: () => answer({ name: 'Jonas', userId: 'u1' }),
  madeTo: () => answer({ id: madeTo, name: 'Dana' }),
});
beforeEach(() => {
  shared = commitment('k1');
});

/** A caller whose roles are read, as ViewerRolesInterceptor leaves them; no role: no member of p1 (any more). */
const callerWith = (role?: string): LedgerRequest => {
  const viewerRoles: ViewerRoles = new Map(role ? [['p1', { role, contactId: role === 'CUSTOMER' ? 'k1' : null }]] : []);
  return { headers: {}, readViewerRoles: () => Promise.resolve(viewerRoles), viewerRoles, customerNowhere: role !== 'CUSTOMER' };
};

/** The same caller before their roles were read (a field no interceptor ran before): the view reads them, once. */
const unread = (caller: LedgerRequest): LedgerRequest & { reads: number } => {
  const request: LedgerRequest & { reads: number } = { headers: {}, reads: 0 };
  request.readViewerRoles = async () => {
    request.reads++;
    await new Promise((resolve) => setTimeout(resolve, 5));
    request.viewerRoles = caller.viewerRoles;
    request.customerNowhere = caller.customerNowhere;
    return caller.viewerRoles!;
  };
  return request;
};

const ask = async (req: LedgerRequest): Promise<unknown> =>
  (await graphql({ schema, source: QUERY, rootValue: root, contextValue: { req } })).data;

const HIDDEN = {
  commitment: { summary: 'OCR of the claims', madeWithoutAuthority: null, madeBy: { name: 'Jonas', userId: null }, madeTo: { id: 'k1' } },
};
const SHOWN = {
  commitment: { summary: 'OCR of the claims', madeWithoutAuthority: true, madeBy: { name: 'Jonas', userId: 'u1' }, madeTo: { id: 'k1' } },
};

describe('the customer view on the built schema', () => {
  it('hides a hidden field from a customer, also in what a visible field holds, and shows both to a manager', async () => {
    expect(await ask(callerWith('CUSTOMER'))).toEqual(HIDDEN);
    expect(await ask(callerWith('MANAGER'))).toEqual(SHOWN);
  });

  it('hands over what a field answers later, through a promise or any thenable', async () => {
    shared = commitment('k1', (value) => Promise.resolve(value));
    expect(await ask(callerWith('CUSTOMER'))).toEqual(HIDDEN);
    shared = commitment('k1', (value) => ({ then: (resolve: (v: unknown) => void) => resolve(value) }));
    expect(await ask(callerWith('CUSTOMER'))).toEqual(HIDDEN);
  });

  it("shows a customer no other contact than themselves, and the team another customer's", async () => {
    shared = commitment('k2');
    expect(await ask(callerWith('CUSTOMER'))).toMatchObject({ commitment: { madeTo: null } });
    expect(await ask(callerWith('MANAGER'))).toMatchObject({ commitment: { madeTo: { id: 'k2' } } });
  });

  it("passes on a field's error returned as its value to a customer too, not taken for a contact", async () => {
    shared = { ...commitment('k1'), madeTo: () => Promise.resolve(new Error('the store did not answer')) };
    for (const role of ['CUSTOMER', 'MANAGER']) {
      const answer = await graphql({ schema, source: QUERY, rootValue: root, contextValue: { req: callerWith(role) } });
      expect(answer.errors?.map((error) => [error.message, error.path])).toEqual([['the store did not answer', ['commitment', 'madeTo']]]);
    }
  });

  it('reads the roles first when they were not read before the field, once for all the fields waiting', async () => {
    const customer = unread(callerWith('CUSTOMER'));
    expect(await ask(customer)).toEqual(HIDDEN);
    expect(customer.reads).toBe(1);
    expect(await ask(unread(callerWith('MANAGER')))).toEqual(SHOWN);
  });

  it('shows no more than a customer sees to a caller who is no member of the project when the roles are read', async () => {
    expect(await ask(callerWith())).toEqual({ commitment: { ...HIDDEN.commitment, madeTo: null } });
  });

  it("decides per operation: an object a manager saw first is still viewed for a customer's operation", async () => {
    // A manager who is CUSTOMER in another project does not pass at once: the object is looked at.
    const manager: LedgerRequest = { ...callerWith('MANAGER'), customerNowhere: false };
    expect(await ask(manager)).toEqual(SHOWN);
    expect(await ask(callerWith('CUSTOMER'))).toEqual(HIDDEN);
  });
});
