import { PortalCommand } from '@cf/ledger';
import type { RemoveMemberInput } from './remove-member.input.js';

export class RemoveMemberCommand extends PortalCommand<RemoveMemberInput> {}
