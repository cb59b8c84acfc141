import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID, Length } from 'class-validator';
import { IdempotencyKeyField } from '@cf/ledger';

@InputType()
export class ForgetContactInput {
  @Field(() => ID) @IsUUID() contactId: string;
  /** Free text stays in the log as written, where the person's name is destroyed: the reason names the request, not the person. */
  @Field({
    description:
      'Why, e.g. "erasure request of 2026-03-02". Kept as written in history and the audit log after the contact is forgotten: do not name the person.',
  })
  @IsString()
  @Length(1, 20_000)
  reason: string;
  @IdempotencyKeyField() idempotencyKey?: string;
}
