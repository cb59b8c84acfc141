import type { AuditRow } from '../read-model/audit.read-model.js';
import type { AuditEntry } from './audit.types.js';

export const toAuditEntry = (row: AuditRow): AuditEntry => ({
  position: String(row.position),
  stream: row.stream,
  revision: row.revision,
  type: row.type,
  occurredAt: row.occurred_at,
  actor: { userId: row.actor_id, name: row.actor_name },
  correlationId: row.correlation_id,
  causationId: row.causation_id,
  data: JSON.parse(row.data) as Record<string, unknown>,
  hash: row.hash,
  prevHash: row.prev_hash,
});
