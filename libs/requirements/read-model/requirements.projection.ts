import type { Projection, PageRows, RecordedEvent } from '@cf/event-store';
import {
  type Event,
  REQUIREMENT_FIELDS,
  type RequirementActor,
  type RequirementFieldChange,
  type RequirementTrigger,
  readTrigger,
  triggerChannelOf,
} from '../domain/requirements.events.js';
import { migrateRequirementsTables } from './requirements.tables.js';

/** Requirements as they stand now, and every revision (the removal included) with its reason and trigger. */
export const requirementsProjection: Projection = {
  name: 'requirements',
  version: 3,
  tables: ['requirements', 'requirement_revisions'],
  migrate: migrateRequirementsTables,
  keys: { requirements: ['id'], requirement_revisions: ['requirement_id', 'revision'] },
  project: async (rows, recorded) => {
    if (!recorded.stream.startsWith('requirement-')) return;
    await projectRequirementEvent(rows, { type: recorded.type, data: recorded.data } as Event, recorded);
  },
};

interface RevisionFacts {
  requirementId: string;
  revision: number;
  title: string;
  text: string;
  estimateHours: number;
  reason: string | null;
  at: string;
  by: RequirementActor;
  trigger: RequirementTrigger;
  changes: RequirementFieldChange[];
  removal?: boolean;
}

const putRevision = (rows: PageRows, r: RevisionFacts, seq: number): void => {
  const trigger = readTrigger(r.trigger);
  rows.put('requirement_revisions', {
    requirement_id: r.requirementId,
    revision: r.revision,
    title: r.title,
    text: r.text,
    estimate_hours: r.estimateHours,
    reason: r.reason,
    at: r.at,
    by_id: r.by.userId,
    by_name: r.by.name,
    trigger_kind: trigger.kind,
    trigger_channel: triggerChannelOf(trigger),
    trigger_session_id: trigger.kind === 'SESSION' ? trigger.sessionId : null,
    trigger_request_id: trigger.kind === 'INTERNAL' ? null : (trigger.requestId ?? null),
    changes: JSON.stringify(r.changes),
    removal: r.removal ? 1 : 0,
    seq,
  });
};

const projectRequirementEvent = async (rows: PageRows, event: Event, recorded: RecordedEvent): Promise<void> => {
  const seq = Number(recorded.position);
  // The stream's event count (a requirement's revision).
  const revision = recorded.indexInStream + 1;
  switch (event.type) {
    case 'RequirementAdded': {
      const d = event.data;
      rows.put('requirements', {
        id: d.requirementId,
        project_id: d.projectId,
        key: d.key,
        title: d.title,
        text: d.text,
        estimate_hours: d.estimateHours,
        revision,
        removed: 0,
        seq,
        updated_at: d.at,
      });
      // Lists what it was added with, from nothing, as a removal lists `removed: false → true`.
      const changes = REQUIREMENT_FIELDS.map((field) => ({ field, from: null, to: d[field] }));
      putRevision(rows, { ...d, revision, reason: null, changes }, seq);
      return;
    }
    case 'RequirementRevised': {
      const d = event.data;
      const current = await rows.get('requirements', { id: d.requirementId });
      if (current)
        rows.put('requirements', { ...current, title: d.title, text: d.text, estimate_hours: d.estimateHours, revision, updated_at: d.at });
      putRevision(rows, { ...d, revision }, seq);
      return;
    }
    case 'RequirementRemoved': {
      const d = event.data;
      const current = await rows.get('requirements', { id: d.requirementId });
      if (!current) return;
      rows.put('requirements', { ...current, removed: 1, revision, updated_at: d.at });
      // A removal is a change with its reason and trigger too, listed with the revisions and counted in churn.
      putRevision(
        rows,
        {
          requirementId: d.requirementId,
          revision,
          title: current.title as string,
          text: current.text as string,
          estimateHours: Number(current.estimate_hours),
          reason: d.reason,
          at: d.at,
          by: d.by ?? recorded.metadata.actor,
          trigger: readTrigger(d.trigger),
          changes: [{ field: 'removed', from: 'false', to: 'true' }],
          removal: true,
        },
        seq,
      );
    }
  }
};
