import { PortalCommand } from '@cf/ledger';
import type { AddMemberInput } from './add-member.input.js';

export class AddMemberCommand extends PortalCommand<AddMemberInput> {}
