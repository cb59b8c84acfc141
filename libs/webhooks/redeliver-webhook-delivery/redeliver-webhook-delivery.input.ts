import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@InputType()
export class RedeliverWebhookDeliveryInput {
  @Field(() => ID) @IsUUID() deliveryId: string;
}
