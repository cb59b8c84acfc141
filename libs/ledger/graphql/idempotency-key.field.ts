import { applyDecorators } from '@nestjs/common';
import { Field } from '@nestjs/graphql';
import { IsOptional, IsString, Length } from 'class-validator';

/**
 * The `idempotencyKey` every mutation but the revisions takes (they take an expected revision): a
 * client that lost the answer sends the same input with the same key again and gets the first
 * result, with nothing appended twice (handleCommand). One definition, so every keyed mutation
 * says and checks the same.
 */
export const IdempotencyKeyField = (): PropertyDecorator =>
  applyDecorators(
    Field(() => String, {
      nullable: true,
      description:
        'Sent again with the same input, answers the first result and records nothing twice; other input with it, once something was recorded with it, is refused (a refusal records nothing, so the key stays free). Kept in the log as sent: an opaque random id (a UUID), never words naming a person',
    }),
    IsOptional(),
    IsString(),
    Length(1, 200),
  );
