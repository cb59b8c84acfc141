import type { BaselineRow } from '@cf/projects';
import type { RequirementFieldChange } from '../domain/requirements.events.js';
import { type RequirementRevisionRow, type RequirementRow, parseChanges } from '../read-model/requirements.read-model.js';
import type { Baseline } from './baseline.types.js';
import type { FieldChange, Requirement, RequirementRevisionEntry } from './requirement.types.js';

export const toRequirement = (row: RequirementRow): Requirement => ({
  id: row.id,
  key: row.key,
  title: row.title,
  text: row.text,
  estimateHours: row.estimate_hours,
  revision: row.revision,
  removed: row.removed === 1,
  projectId: row.project_id,
});

/** The portal shows every value as text, so estimates (numbers) are stringified here. */
const asText = (value: unknown): string | null => (value === undefined || value === null ? null : String(value));

export const toFieldChange = (change: RequirementFieldChange): FieldChange => ({
  field: change.field,
  from: asText(change.from),
  to: asText(change.to),
});

export const toRevisionEntry = (row: RequirementRevisionRow): RequirementRevisionEntry => ({
  revision: row.revision,
  title: row.title,
  text: row.text,
  estimateHours: row.estimate_hours,
  reason: row.reason,
  at: row.at,
  by: { userId: row.by_id, name: row.by_name },
  trigger: {
    kind: row.trigger_kind,
    channel: row.trigger_channel,
    sessionId: row.trigger_session_id,
    requestId: row.trigger_request_id,
  },
  changes: parseChanges(row).map(toFieldChange),
});

export const toBaseline = (row: BaselineRow): Baseline => ({
  id: row.id,
  name: row.name,
  approvedAt: row.approved_at,
  totalHours: row.total_hours,
  requirements: row.requirements.map((r) => ({
    requirementId: r.requirement_id,
    key: r.key,
    revision: r.revision,
    estimateHours: r.estimate_hours,
  })),
});
