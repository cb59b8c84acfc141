import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '@cf/ledger';
import { FieldChange, Requirement, RequirementTriggerView } from './requirement.types.js';

@ObjectType({ description: 'One addition, revision or removal of a requirement of the project, with why' })
export class RequirementChange {
  @Field(() => Requirement) requirement: Requirement;
  @Field(() => Int) revision: number;
  @Field(() => DateTimeScalar) at: string;
  @Field(() => String, { nullable: true, description: 'null for an addition' }) reason: string | null;
  @Field(() => RequirementTriggerView) trigger: RequirementTriggerView;
  @Field(() => [FieldChange]) changes: FieldChange[];
}
