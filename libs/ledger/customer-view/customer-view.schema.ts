import { type GraphQLResolveInfo, type GraphQLSchema, defaultFieldResolver, isObjectType } from 'graphql';
import type { LedgerRequest } from '../auth/request-of.js';
import { CUSTOMER_VIEW, type CustomerViewer, isHiddenFromCustomers } from './customer-view.policy.js';
import type { ViewerRoles } from './viewer-roles.js';

/** For each object answered: the customer who sees it, or null when an internal member does (inherited by what it holds). */
type SeenBy = WeakMap<object, CustomerViewer | null>;
type Viewed = Record<string, unknown>;
type Next = () => unknown;

/**
 * What each operation (its GraphQL context) has seen, kept apart: an object handed to two callers
 * (a cached value, a shared constant) carries neither's view into the other's answer.
 */
const seenIn = new WeakMap<object, SeenBy>();
const seenByOf = (context: object): SeenBy => {
  const known = seenIn.get(context);
  if (known) return known;
  const seenBy: SeenBy = new WeakMap();
  seenIn.set(context, seenBy);
  return seenBy;
};

/** The project an object belongs to: a Project is its own; the others carry projectId. */
const projectOf = (source: Viewed, type: string): string | undefined =>
  type === 'Project' ? (source.id as string) : typeof source.projectId === 'string' ? source.projectId : undefined;

/**
 * Who sees an object of a project: the customer, when the caller is a CUSTOMER member there, or
 * when they are no member at all by the time their roles were read (removed since the resolver let
 * them in: never shown more than a customer is); null for the team.
 */
const viewerIn = (roles: ViewerRoles, projectId: string): CustomerViewer | null => {
  const grant = roles.get(projectId);
  return grant === undefined || grant.role === 'CUSTOMER' ? { contactId: grant?.contactId ?? '' } : null;
};

/** What a field hands a customer: objects marked as theirs to see, and another contact as null. */
const handOver = (seenBy: SeenBy, value: unknown, viewer: CustomerViewer, type: string): unknown => {
  if (Array.isArray(value)) return value.map((item) => handOver(seenBy, item, viewer, type)).filter((item) => item !== null);
  // A resolver's error as its value (graphql-js reports it as thrown) is no object of the customer's.
  if (value === null || typeof value !== 'object' || value instanceof Error) return value;
  const view = CUSTOMER_VIEW[type];
  if (view?.ownOnly && !view.ownOnly(value as Record<string, unknown>, viewer)) return null;
  seenBy.set(value, viewer);
  return value;
};

const namedType = (type: { ofType?: unknown; name?: string }): string =>
  type.ofType ? namedType(type.ofType as { ofType?: unknown; name?: string }) : (type.name ?? '');

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | null | undefined)?.then === 'function';

/** A read of the roles the fields reached before any (or after a failed one) share while it is under way. */
const rolesBeingRead = new WeakMap<LedgerRequest, Promise<ViewerRoles>>();
const rolesOf = (request: LedgerRequest, read: () => Promise<ViewerRoles>): Promise<ViewerRoles> => {
  let reading = rolesBeingRead.get(request);
  if (!reading) {
    reading = read().finally(() => rolesBeingRead.delete(request));
    rolesBeingRead.set(request, reading);
  }
  return reading;
};

/** A field of an object a customer sees: hidden, or resolved and handed over to them. */
const viewed = (seenBy: SeenBy, viewer: CustomerViewer, info: GraphQLResolveInfo, next: Next): unknown => {
  if (isHiddenFromCustomers(info.parentType.name, info.fieldName)) return null;
  const type = namedType(info.returnType as never);
  const value = next();
  return isThenable(value)
    ? Promise.resolve(value).then((resolved) => handOver(seenBy, resolved, viewer, type))
    : handOver(seenBy, value, viewer, type);
};

/**
 * The customer view of one field: for an object a CUSTOMER member sees, a hidden field reads null
 * without being resolved, and whatever a visible field returns is seen by the same customer.
 */
const customerView = (source: unknown, info: GraphQLResolveInfo, context: unknown, next: Next): unknown => {
  if (source === null || typeof source !== 'object') return next();
  const request = (context as { req?: LedgerRequest } | undefined)?.req;
  const readRoles = request?.readViewerRoles;
  // No caller (a public operation), so nothing of a project was let through; or no projects context wired.
  if (!request || !readRoles) return next();
  const roles = request.viewerRoles;
  // Reached before the roles were read (no ViewerRolesInterceptor ran before it, or its read failed).
  if (!roles) return rolesOf(request, readRoles).then(() => customerView(source, info, context, next));
  const seenBy = seenByOf(context as object);
  let viewer = seenBy.get(source);
  if (viewer === undefined) {
    const projectId = projectOf(source as Viewed, info.parentType.name);
    // Holding no project (a connection, an edge) and handed to no customer, or the team's in a project they are a member of.
    if (projectId === undefined || (request.customerNowhere && roles.has(projectId))) return next();
    viewer = viewerIn(roles, projectId);
    seenBy.set(source, viewer);
  }
  return viewer === null ? next() : viewed(seenBy, viewer, info, next);
};

/**
 * The customer view, applied to the built schema: every field of every object type but the roots
 * (a root field decides access itself and answers objects that are then viewed). Wrapped here
 * rather than as Nest's field middleware, which makes every field of every answer a promise
 * awaited twice; here a field an internal member reads stays a plain call.
 */
export const withCustomerView = (schema: GraphQLSchema): GraphQLSchema => {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || roots.has(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => customerView(source, info, context, () => resolve(source, args, context, info));
    }
  }
  return schema;
};
