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
});
