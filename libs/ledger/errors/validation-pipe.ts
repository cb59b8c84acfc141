import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError } from '@cf/core';
import { type KeptAsWritten, UUID, idsInLowerCase, projectKeptAsWritten } from '../graphql/ids-in-lower-case.js';

/** The arguments that name an entity by its id (a user's id, `userId`, is no UUID of ours). */
const ID_ARGUMENTS = new Set(['id', 'projectId']);
import { EventSourcing } from '../event-sourcing.service.js';

/**
 * An empty text fails its @Length(1, …) as "must be longer than or equal to 1 characters": said
 * as a blank one is (requiredText), so "" and "   " are refused alike.
 */
const messageOf = (error: ValidationError, constraints: Record<string, string>): string =>
  error.value === '' && constraints.isLength ? `${error.property} must not be empty` : Object.values(constraints)[0];

const firstFailure = (errors: ValidationError[], prefix = ''): { field: string; message: string } => {
  const [error] = errors;
  const field = `${prefix}${error.property}`;
  if (error.constraints) return { field, message: messageOf(error, error.constraints) };
  return firstFailure(error.children ?? [], `${field}.`);
};

/**
 * class-validator on every input; the first failure becomes BAD_USER_INPUT naming the field
 * (e.g. `title: title must be shorter than or equal to 200 characters`). What passes has its ids
 * in lowercase (idsInLowerCase).
 */
class LedgerValidationPipe extends ValidationPipe {
  constructor(
    private readonly keptAsWritten: KeptAsWritten,
    options: ConstructorParameters<typeof ValidationPipe>[0],
  ) {
    super(options);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Every entity's id is a UUID, made or chosen (an input's id is @IsUUID): another text names nothing, and is bad input, not NOT_FOUND.
    const argument = metadata.data ?? '';
    if (ID_ARGUMENTS.has(argument) && typeof value === 'string' && !UUID.test(value))
      throw DomainError.badInput(argument, 'must be a UUID');
    return idsInLowerCase(await super.transform(value, metadata), metadata.data, this.keptAsWritten);
  }
}

/** A project's streams are named by its id as it was opened: one in capitals has its stream so. */
export const ledgerValidationPipe = (eventSourcing: EventSourcing): ValidationPipe =>
  new LedgerValidationPipe(projectKeptAsWritten(eventSourcing.store), {
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => {
      const { field, message } = firstFailure(errors);
      return DomainError.badInput(field, message.replace(/^[\w.]+ /, ''));
    },
  });
