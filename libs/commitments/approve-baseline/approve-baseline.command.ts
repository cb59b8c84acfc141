import { newId } from '@cf/core';
import { PortalCommand } from '@cf/ledger';
import type { ApproveBaselineInput } from './approve-baseline.input.js';

/** Carries the new baseline's id so the resolver can read back exactly the baseline it approved. */
export class ApproveBaselineCommand extends PortalCommand<ApproveBaselineInput> {
  readonly baselineId: string = newId();
}
