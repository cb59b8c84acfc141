import { PortalCommand } from '@cf/ledger';
import type { MakeCommitmentInput } from './make-commitment.input.js';

export class MakeCommitmentCommand extends PortalCommand<MakeCommitmentInput> {}
