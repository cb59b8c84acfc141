import { PortalCommand } from '@cf/ledger';
import type { DecideCommitmentInput } from '../decision/decide-commitment.input.js';

export class WithdrawCommitmentCommand extends PortalCommand<DecideCommitmentInput> {}
