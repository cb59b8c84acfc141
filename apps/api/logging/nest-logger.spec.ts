import { Writable } from 'node:stream';
import { pino } from 'pino';
import { NestLogger } from './nest-logger.js';

const linesOf = () => {
  const lines: Record<string, any>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { lines, logger: new NestLogger(pino(sink)) };
};

describe('NestLogger', () => {
  it('writes an Error with its stack as err, the fields given with it, and the context', () => {
    const { lines, logger } = linesOf();
    const fault = new TypeError('boom');
    logger.error(fault, { correlationId: 'c-1' }, 'GraphQL: internal error');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        msg: 'boom',
        context: 'GraphQL: internal error',
        correlationId: 'c-1',
        err: expect.objectContaining({ type: 'TypeError', message: 'boom', stack: fault.stack }),
      }),
    ]);
  });

  it("writes Nest's own (message, stack, context) with the stack as given", () => {
    const { lines, logger } = linesOf();
    logger.error('failed', 'at somewhere', 'ExceptionsHandler');
    expect(lines).toEqual([expect.objectContaining({ msg: 'failed', stack: 'at somewhere', context: 'ExceptionsHandler' })]);
    expect(lines[0]).not.toHaveProperty('err');
  });

  it('writes the Error a message was given with as err, and fields given without a context', () => {
    const { lines, logger } = linesOf();
    const cause = new Error('saga failed');
    logger.error('An error occurred in a saga', cause, 'CommandBus');
    logger.error(new TypeError('boom'), { correlationId: 'c-2' });
    expect(lines).toEqual([
      expect.objectContaining({
        msg: 'An error occurred in a saga',
        context: 'CommandBus',
        err: expect.objectContaining({ stack: cause.stack }),
      }),
      expect.objectContaining({ msg: 'boom', correlationId: 'c-2', err: expect.objectContaining({ type: 'TypeError' }) }),
    ]);
    expect(lines[1]).not.toHaveProperty('context');
  });
});
