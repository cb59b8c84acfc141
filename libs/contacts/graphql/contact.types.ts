import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar } from '@cf/ledger';
import { UserRef } from '@cf/projects';
import { CONTACT_ROLES, type ContactRole } from '../domain/contacts.events.js';
import { SESSION_KINDS, type SessionKind } from '../domain/session.events.js';

export const ContactRoleEnum = Object.fromEntries(CONTACT_ROLES.map((r) => [r, r])) as Record<ContactRole, ContactRole>;
registerEnumType(ContactRoleEnum, { name: 'ContactRole' });

export const SessionKindEnum = Object.fromEntries(SESSION_KINDS.map((k) => [k, k])) as Record<SessionKind, SessionKind>;
registerEnumType(SessionKindEnum, { name: 'SessionKind' });

@ObjectType('Contact', { description: 'A person on the customer side; a forgotten one reads [forgotten]' })
export class Contact {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) organisation?: string | null;
  @Field(() => String, { nullable: true }) department?: string | null;
  // The team's judgement of who speaks with authority: null for a CUSTOMER member, their own contact's included.
  @Field(() => ContactRoleEnum, { nullable: true, description: 'Null for a CUSTOMER member: the team judges who speaks with authority' })
  role: ContactRole;
  @Field(() => Boolean, { nullable: true, description: 'Null for a CUSTOMER member: the team judges who speaks with authority' })
  canApproveScope: boolean;
  @Field() forgotten: boolean;
  @Field(() => Int, { nullable: true, description: 'How many events the contact has had. Null for CUSTOMER members (the customer view)' })
  revision: number;
  /** Not in the schema: the project it belongs to (the customer view asks). */
  projectId: string;
}

/** developers and contacts come from field resolvers, so the row maps without them. */
@ObjectType('ContactSession', { description: 'Developers with customers: when, how long, who' })
export class ContactSession {
  @Field(() => ID) id: string;
  @Field(() => DateScalar) date: string;
  @Field(() => Float) days: number;
  @Field(() => SessionKindEnum) kind: SessionKind;
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field({ description: 'A voided session did not happen: it counts nowhere' }) voided: boolean;
  @Field(() => [UserRef]) developers?: UserRef[];
  @Field(() => [Contact]) contacts?: Contact[];
  /** Not in the schema: the project it belongs to (the customer view asks). */
  projectId: string;
}

@ObjectType({ description: 'What a contact mutation answers: where its event landed, and the contact after it' })
export class ContactPayload {
  @Field({ description: 'Global position of the last event written (decimal string)' }) position: string;
  @Field(() => Contact) contact: Contact;
}

@ObjectType({ description: 'What logContactSession answers: where its event landed, and the session' })
export class ContactSessionPayload {
  @Field({ description: 'Global position of the last event written (decimal string)' }) position: string;
  @Field(() => ContactSession) session: ContactSession;
}
