import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import { DomainError } from '@cf/core';

@ObjectType()
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay-style connection type: `Paginated(Request)` → RequestConnection. */
export const Paginated = <T>(node: Type<T>, name = `${node.name}Connection`) => {
  @ObjectType(`${node.name}Edge`)
  class Edge {
    @Field() cursor: string;
    @Field(() => node) node: T;
  }
  @ObjectType(name, { isAbstract: true })
  abstract class Connection implements Page<T> {
    @Field(() => [Edge]) edges: Edge[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    @Field(() => Int) totalCount: number;
  }
  return Connection;
};

export const MAX_PAGE_SIZE = 500;

/** Cursors are opaque to clients: base64url of the sort key of the last row. */
export const encodeCursor = (key: string): string => Buffer.from(key, 'utf8').toString('base64url');
export const decodeCursor = (cursor: string | undefined | null): string | undefined => {
  if (cursor === undefined || cursor === null) return undefined;
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (key === '' || encodeCursor(key) !== cursor) throw DomainError.badInput('after', 'is not a cursor this API gave out');
  return key;
};

/**
 * The key of a row's cursor in a list (`requests of <project>`): the list it was given out for,
 * and the row's `seq`. A cursor names its list, so one from another list or project is refused
 * instead of read as a place in this one (it would skip every row before that position).
 */
export const sequenceKey = (list: string, seq: number | string): string => `${list}@${seq}`;

/** The `seq` a page of `list` continues after: 0 without a cursor; a cursor this API never gave out for it is refused. */
export const decodeSequenceCursor = (cursor: string | undefined | null, list: string): number => {
  const key = decodeCursor(cursor);
  if (key === undefined) return 0;
  const at = key.lastIndexOf('@');
  if (at >= 0 && key.slice(0, at) !== list) throw DomainError.badInput('after', `is a cursor of another list than ${list}`);
  // A row's seq is the global position of its first event: a whole number from 1, written plainly.
  const written = key.slice(at + 1);
  const seq = at >= 0 && /^[1-9]\d*$/.test(written) ? Number(written) : NaN;
  if (!Number.isSafeInteger(seq)) throw DomainError.badInput('after', 'is not a cursor this API gave out');
  return seq;
};

export const pageSize = (first: number | undefined | null, fallback = 50): number => {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw DomainError.badInput('first', `must be a whole number from 0 to ${MAX_PAGE_SIZE}`);
  }
  return size;
};

/** Builds a page from rows fetched with limit size + 1 (the extra row tells whether more exist). */
export const toPage = <Row, Node>(
  rows: Row[],
  size: number,
  keyOf: (row: Row) => string,
  nodeOf: (row: Row) => Node,
  totalCount: number,
): Page<Node> => {
  const shown = rows.slice(0, size);
  const edges = shown.map((row) => ({ cursor: encodeCursor(keyOf(row)), node: nodeOf(row) }));
  return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
};
