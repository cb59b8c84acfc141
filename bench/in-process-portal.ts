import type { Type } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { newId } from '@cf/core';
import type { Actor, CommandResult } from '@cf/event-store';
import { type Caller, EventSourcing, UnreadableTextPipe, type PortalCommand, ledgerValidationPipe, loadConfig } from '@cf/ledger';
import { createApp } from '../apps/api/bootstrap.js';
import { loadOperationsConfig } from '../apps/api/observability/operations-config.js';

export type PortalCommandType<Input> = new (input: Input, caller: Caller) => PortalCommand<Input>;

/** The API's application with its projections live, and a way to send it mutations. */
export interface InProcessPortal {
  eventSourcing: EventSourcing;
  /** A mutation as a resolver sends it: the raw input through the API's pipes, then the CommandBus. */
  send<Input extends object>(
    command: PortalCommandType<Input>,
    inputType: Type<Input>,
    input: object,
    actor: Actor,
  ): Promise<CommandResult>;
  close(): Promise<void>;
}

/**
 * The real AppModule, initialised but not listening: HTTP and GraphQL parsing are left out,
 * everything from the input's validation to the read models being current is the API's own
 * (the pipes are the ones AppModule installs, the bus routes to the slices' handlers).
 */
export const openInProcessPortal = async (env: Record<string, string>): Promise<InProcessPortal> => {
  const config = loadConfig({ ...process.env, ...env, AUTH_JWT_SECRET: 'bench-secret-bench-secret-bench-secret' });
  const app = await createApp(config, { logger: false, operations: loadOperationsConfig({ ...process.env, ...env }) });
  await app.init();
  await app.get(EventSourcing).runner.whenCaughtUp();
  const bus = app.get(CommandBus);
  const pipes = [new UnreadableTextPipe(), ledgerValidationPipe(app.get(EventSourcing))];
  return {
    eventSourcing: app.get(EventSourcing),
    async send(command, inputType, raw, actor) {
      let input: unknown = raw;
      for (const pipe of pipes) input = await pipe.transform(input, { type: 'body', metatype: inputType, data: 'input' });
      return bus.execute(new command(input as never, { actor, correlationId: newId() }));
    },
    close: () => app.close(),
  };
};
