import { PortalCommand } from '@cf/ledger';
import type { RemoveRequirementInput } from './remove-requirement.input.js';

export class RemoveRequirementCommand extends PortalCommand<RemoveRequirementInput> {}
