import { createHash } from 'node:crypto';
import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError } from '@cf/core';
import { canonicalJson } from '@cf/event-store';
import type { Caller } from '../caller.js';
import { UUID } from '../graphql/ids-in-lower-case.js';
import { requestOf } from './request-of.js';

/** The arguments of the field being resolved, when they carry an idempotency key (in `input`). */
const keyedArguments = (context: ExecutionContext): Record<string, unknown> | undefined => {
  if (context.getType<string>() !== 'graphql') return undefined;
  const args = GqlExecutionContext.create(context).getArgs<{ input?: { idempotencyKey?: unknown } }>();
  return typeof args.input?.idempotencyKey === 'string' ? args : undefined;
};

/**
 * The arguments as the command reads them, for comparing a retry with the first send: ids in
 * lowercase (idsInLowerCase) and a field sent as null as one left out (the keyed mutations make
 * things, where neither gives a value). The raw arguments are what a param decorator sees.
 */
const asRead = (value: unknown): unknown => {
  if (typeof value === 'string') return UUID.test(value) ? value.toLowerCase() : value;
  if (Array.isArray(value)) return value.map(asRead);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, field]) => (field === null || field === undefined ? [] : [[key, asRead(field)]])),
  );
};

/**
 * The authenticated caller of a resolver; the bearer guard has put it on the request. With an
 * idempotency key, it carries a hash of the field's name and arguments, so a retry is known
 * to be the same command (see handleCommand).
 */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const caller = requestOf(context).caller;
  if (!caller) throw new DomainError('UNAUTHENTICATED', 'Send a bearer token: Authorization: Bearer <token>');
  const args = keyedArguments(context);
  if (!args) return caller;
  const field = GqlExecutionContext.create(context).getInfo<{ fieldName: string }>().fieldName;
  return {
    ...caller,
    payloadHash: createHash('sha256')
      .update(canonicalJson({ field, args: asRead(args) }))
      .digest('hex'),
  };
});
