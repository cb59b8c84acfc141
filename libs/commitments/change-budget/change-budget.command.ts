import { PortalCommand } from '@cf/ledger';
import type { ChangeBudgetInput } from './change-budget.input.js';

export class ChangeBudgetCommand extends PortalCommand<ChangeBudgetInput> {}
