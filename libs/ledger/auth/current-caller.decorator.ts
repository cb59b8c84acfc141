import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import { DomainError } from '@cf/core';
import type { Caller } from '../caller.js';
import { requestOf } from './request-of.js';

/** The authenticated caller of a resolver; the bearer guard has put it on the request. */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const caller = requestOf(context).caller;
  if (!caller) throw new DomainError('UNAUTHENTICATED', 'Send a bearer token: Authorization: Bearer <token>');
  return caller;
});
