import type { Projection } from '@cf/event-store';
import { ProjectsModule, projectsProjection } from '@cf/projects';
import { ContactsModule, contactsProjection } from '@cf/contacts';
import { RequestsModule, requestsProjection } from '@cf/requests';
import { RequirementsModule, requirementsProjection } from '@cf/requirements';
import { CommitmentsModule, commitmentsProjection } from '@cf/commitments';
import { DashboardsModule, dashboardsProjection } from '@cf/dashboards';
import { ReportingModule, reportingProjection } from '@cf/reporting';
import { AuditModule, auditProjection } from '@cf/audit';
import { WebhooksModule, webhookOutboxProjection } from '@cf/webhooks';

/** The bounded contexts the API serves, and the read models they keep. */
export const LEDGER_CONTEXTS = [
  RequirementsModule,
  ProjectsModule,
  ContactsModule,
  RequestsModule,
  CommitmentsModule,
  ReportingModule,
  DashboardsModule,
  AuditModule,
  WebhooksModule,
];

export const LEDGER_PROJECTIONS: readonly Projection[] = [
  requirementsProjection,
  projectsProjection,
  contactsProjection,
  requestsProjection,
  commitmentsProjection,
  reportingProjection,
  dashboardsProjection,
  auditProjection,
  webhookOutboxProjection,
];
