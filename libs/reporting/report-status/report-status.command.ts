import { PortalCommand } from '@cf/ledger';
import type { ReportStatusInput } from './report-status.input.js';

export class ReportStatusCommand extends PortalCommand<ReportStatusInput> {}
