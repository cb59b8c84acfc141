import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ContactSession } from '@cf/contacts';
import { DateTimeScalar } from '@cf/ledger';
import { UserRef } from '@cf/projects';
import { Request, RequestChannelEnum } from '@cf/requests';
import { TRIGGER_KINDS, type TriggerChannel, type TriggerKind } from '../domain/requirements.events.js';

export const TriggerKindEnum = Object.fromEntries(TRIGGER_KINDS.map((k) => [k, k])) as Record<TriggerKind, TriggerKind>;
registerEnumType(TriggerKindEnum, { name: 'TriggerKind', description: 'What caused a requirement change' });

@ObjectType('FieldChange', { description: 'One field a revision changed; numbers are given as text' })
export class FieldChange {
  @Field() field: string;
  @Field(() => String, { nullable: true }) from: string | null;
  @Field(() => String, { nullable: true }) to: string | null;
}

/** session and request come from field resolvers; the ids without @Field are for them. */
@ObjectType('RequirementTrigger', { description: 'A contact session, a request (and so its channel), or internal work' })
export class RequirementTriggerView {
  @Field(() => TriggerKindEnum) kind: TriggerKind;
  @Field(() => RequestChannelEnum, { nullable: true }) channel: TriggerChannel | null;
  @Field(() => ContactSession, { nullable: true }) session?: ContactSession | null;
  @Field(() => Request, { nullable: true }) request?: Request | null;
  sessionId: string | null;
  requestId: string | null;
}

@ObjectType('RequirementRevision', { description: 'A requirement as one add or revise left it, with why' })
export class RequirementRevisionEntry {
  @Field(() => Int) revision: number;
  @Field() title: string;
  @Field() text: string;
  @Field(() => Float) estimateHours: number;
  @Field(() => String, { nullable: true, description: 'null for the first revision' }) reason: string | null;
  @Field(() => DateTimeScalar) at: string;
  @Field(() => UserRef) by: UserRef;
  @Field(() => RequirementTriggerView) trigger: RequirementTriggerView;
  @Field(() => [FieldChange]) changes: FieldChange[];
}

/** inBaseline and revisions come from field resolvers; projectId and asOf are for them. */
@ObjectType('Requirement')
export class Requirement {
  @Field(() => ID) id: string;
  @Field() key: string;
  @Field() title: string;
  @Field() text: string;
  @Field(() => Float) estimateHours: number;
  @Field(() => Int, { description: 'How many events the requirement has had: send it back as expectedRevision' }) revision: number;
  @Field({ description: "Whether the project's latest baseline holds it" }) inBaseline?: boolean;
  @Field() removed: boolean;
  @Field(() => [RequirementRevisionEntry]) revisions?: RequirementRevisionEntry[];
  projectId: string;
  /** Set when the requirement is shown as it stood at a past moment (requirementAsOf): its other fields are of that moment too. */
  asOf?: string;
}

@ObjectType({ description: 'What a requirement mutation answers: where its event landed, and the requirement after it' })
export class RequirementPayload {
  @Field({ description: 'Global position of the last event written (decimal string)' }) position: string;
  @Field(() => Requirement) requirement: Requirement;
}
