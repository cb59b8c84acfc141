import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError } from '@cf/core';

const firstFailure = (errors: ValidationError[], prefix = ''): { field: string; message: string } => {
  const [error] = errors;
  const field = `${prefix}${error.property}`;
  if (error.constraints) return { field, message: Object.values(error.constraints)[0] };
  return firstFailure(error.children ?? [], `${field}.`);
};

/**
 * class-validator on every input; the first failure becomes BAD_USER_INPUT naming the field
 * (e.g. `title: title must be shorter than or equal to 200 characters`).
 */
export const ledgerValidationPipe = (): ValidationPipe =>
  new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => {
      const { field, message } = firstFailure(errors);
      return DomainError.badInput(field, message.replace(/^[\w.]+ /, ''));
    },
  });
