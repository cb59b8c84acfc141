import { PortalCommand } from '@cf/ledger';
import type { AddRequirementInput } from './add-requirement.input.js';

export class AddRequirementCommand extends PortalCommand<AddRequirementInput> {}
