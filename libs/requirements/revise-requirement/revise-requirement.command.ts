import { PortalCommand } from '@cf/ledger';
import type { ReviseRequirementInput } from './revise-requirement.input.js';

export class ReviseRequirementCommand extends PortalCommand<ReviseRequirementInput> {}
