import { Module } from '@nestjs/common';
import { ProjectsModule } from '@cf/projects';
import { CorrectContactSessionHandler } from './correct-contact-session/correct-contact-session.handler.js';
import { CorrectContactSessionResolver } from './correct-contact-session/correct-contact-session.resolver.js';
import { ForgetContactHandler } from './forget-contact/forget-contact.handler.js';
import { ForgetContactResolver } from './forget-contact/forget-contact.resolver.js';
import { ForgottenKeysReconciler } from './forget-contact/forgotten-keys.reconciler.js';
import { GetContactHandler } from './get-contact/get-contact.handler.js';
import { GetContactResolver } from './get-contact/get-contact.resolver.js';
import { GetSessionHandler } from './get-session/get-session.handler.js';
import { GetSessionResolver } from './get-session/get-session.resolver.js';
import { ListContactsHandler } from './list-contacts/list-contacts.handler.js';
import { ListContactsResolver } from './list-contacts/list-contacts.resolver.js';
import { LogContactSessionHandler } from './log-contact-session/log-contact-session.handler.js';
import { LogContactSessionResolver } from './log-contact-session/log-contact-session.resolver.js';
import { ReviseContactHandler } from './revise-contact/revise-contact.handler.js';
import { ReviseContactResolver } from './revise-contact/revise-contact.resolver.js';
import { RegisterContactHandler } from './register-contact/register-contact.handler.js';
import { RegisterContactResolver } from './register-contact/register-contact.resolver.js';
import { DaysWithCustomersFromSessions } from './session-facts/days-with-customers.js';

@Module({
  imports: [ProjectsModule],
  providers: [
    DaysWithCustomersFromSessions,
    RegisterContactHandler,
    RegisterContactResolver,
    ReviseContactHandler,
    ReviseContactResolver,
    ForgetContactHandler,
    ForgetContactResolver,
    ForgottenKeysReconciler,
    LogContactSessionHandler,
    LogContactSessionResolver,
    CorrectContactSessionHandler,
    CorrectContactSessionResolver,
    GetContactHandler,
    GetContactResolver,
    ListContactsHandler,
    ListContactsResolver,
    GetSessionHandler,
    GetSessionResolver,
  ],
})
export class ContactsModule {}
