import type { RequestResponseRow, RequestRow } from '../read-model/requests.read-model.js';
import type { Request, RequestAnswer } from './request.types.js';

export const toRequest = (row: RequestRow): Request => ({
  id: row.id,
  title: row.title,
  description: row.description,
  kind: row.kind,
  channel: row.channel,
  status: row.status,
  revision: row.revision,
  raisedAt: row.raised_at,
  confirmed: row.first_hand_at !== null,
  confirmedAt: row.first_hand_at,
  statedPriority: row.stated_priority,
  confirmedPriority: row.confirmed_priority,
  projectId: row.project_id,
  requestedById: row.requested_by_id,
  relayedById: row.relayed_by_id,
  sessionId: row.session_id,
});

export const toRequestAnswer = (row: RequestResponseRow): RequestAnswer => ({
  stance: row.stance,
  message: row.message,
  estimateHours: row.estimate_hours,
  at: row.at,
  respondedBy: { userId: row.responded_by_id, name: row.responded_by_name },
});
