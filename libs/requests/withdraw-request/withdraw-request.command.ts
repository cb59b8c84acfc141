import { PortalCommand } from '@cf/ledger';
import type { WithdrawRequestInput } from './withdraw-request.input.js';

export class WithdrawRequestCommand extends PortalCommand<WithdrawRequestInput> {}
