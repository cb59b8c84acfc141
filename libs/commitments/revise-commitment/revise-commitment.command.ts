import { PortalCommand } from '@cf/ledger';
import type { ReviseCommitmentInput } from './revise-commitment.input.js';

export class ReviseCommitmentCommand extends PortalCommand<ReviseCommitmentInput> {}
