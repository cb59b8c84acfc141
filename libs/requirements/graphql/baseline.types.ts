import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '@cf/ledger';

@ObjectType('BaselineRequirement', { description: 'A requirement as a baseline froze it' })
export class BaselineRequirementView {
  @Field(() => ID) requirementId: string;
  @Field() key: string;
  @Field(() => Int) revision: number;
  @Field(() => Float) estimateHours: number;
}

@ObjectType('Baseline', { description: 'The live requirements at their revisions, approved and countersigned' })
export class Baseline {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => DateTimeScalar) approvedAt: string;
  @Field(() => Float) totalHours: number;
  @Field(() => [BaselineRequirementView]) requirements: BaselineRequirementView[];
}

@ObjectType({ description: 'What approveBaseline answers: where its event landed, and the baseline' })
export class BaselinePayload {
  @Field({ description: 'Global position of the last event written (decimal string)' }) position: string;
  @Field(() => Baseline) baseline: Baseline;
}
