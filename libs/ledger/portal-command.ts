import { Command } from '@nestjs/cqrs';
import type { CommandResult } from '@cf/event-store';
import type { Caller } from './caller.js';

/**
 * What a resolver sends on the CommandBus: the validated input and who sent it. Each slice
 * names its own subclass (`class RaiseRequestCommand extends PortalCommand<RaiseRequestInput> {}`)
 * so the bus can route it to the slice's handler.
 */
export abstract class PortalCommand<Input> extends Command<CommandResult> {
  constructor(
    readonly input: Input,
    readonly caller: Caller,
  ) {
    super();
  }
}
