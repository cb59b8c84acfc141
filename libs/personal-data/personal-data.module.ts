import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { LedgerConfig } from '@cf/ledger';
import { openKeyStore } from './open-key-store.js';
import { KEY_STORE, PersonalData } from './personal-data.service.js';
import { UnsealPlugin } from './unseal.plugin.js';

/** The key store, the sealing service for handlers, and the response plugin that unseals. */
@Global()
@Module({})
export class PersonalDataModule {
  static forRoot(config: LedgerConfig): DynamicModule {
    return {
      module: PersonalDataModule,
      providers: [{ provide: KEY_STORE, useFactory: () => openKeyStore(config) }, PersonalData, UnsealPlugin],
      exports: [KEY_STORE, PersonalData],
    };
  }
}
