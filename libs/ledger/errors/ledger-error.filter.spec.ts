import { jest } from '@jest/globals';
import type { ArgumentsHost } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { DomainError } from '@cf/core';
import { LedgerErrorFilter } from './ledger-error.filter.js';

/** A resolver's host as Nest hands it to a filter: root, args, context, info. */
const resolverHost = (correlationId: string): ArgumentsHost =>
  ({
    getType: () => 'graphql',
    getArgs: () => [{}, {}, { req: { correlationId } }, {}],
    getArgByIndex: (index: number) => [{}, {}, { req: { correlationId } }, {}][index],
  }) as unknown as ArgumentsHost;

describe('LedgerErrorFilter in GraphQL', () => {
  afterEach(() => jest.restoreAllMocks());

  // Returned, an error would be the field's value, which a wrapper of the field (the customer view) reads as its object.
  it('throws a resolver’s error on, a refusal and an internal error alike, never returning it as the value', () => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const filter = new LedgerErrorFilter();
    const refusal = new DomainError('FORBIDDEN', 'No');
    expect(() => filter.catch(refusal, resolverHost('c-1'))).toThrow(refusal);
    const fault = new TypeError('boom');
    expect(() => filter.catch(fault, resolverHost('c-1'))).toThrow(fault);
  });
});
