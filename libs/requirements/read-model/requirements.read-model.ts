import { type Kysely, sql } from 'kysely';
import type { ReadModelDb } from '@cf/event-store';
import type { RequirementFieldChange, TriggerChannel, TriggerKind } from '../domain/requirements.events.js';

export interface RequirementRow {
  id: string;
  project_id: string;
  key: string;
  title: string;
  text: string;
  estimate_hours: number;
  revision: number;
  removed: number;
  seq: number;
  updated_at: string;
}

export interface RequirementRevisionRow {
  requirement_id: string;
  revision: number;
  title: string;
  text: string;
  estimate_hours: number;
  reason: string | null;
  at: string;
  by_id: string;
  by_name: string;
  trigger_kind: TriggerKind;
  trigger_channel: TriggerChannel | null;
  trigger_session_id: string | null;
  trigger_request_id: string | null;
  /** JSON text of RequirementFieldChange[]. */
  changes: string;
  /** 1 for the entry a removal leaves. */
  removal: number;
  seq: number;
}

/** A revision with the requirement it belongs to, for change lists across a project. */
export interface RequirementChangeRow extends RequirementRevisionRow {
  key: string;
  project_id: string;
}

interface RequirementsTables {
  requirements: RequirementRow;
  requirement_revisions: RequirementRevisionRow;
}

export const parseChanges = (row: Pick<RequirementRevisionRow, 'changes'>): RequirementFieldChange[] =>
  JSON.parse(row.changes) as RequirementFieldChange[];

/** Reads of the requirements projection; other contexts ask these, never the tables. */
export const requirementsReadModel = (untyped: ReadModelDb) => {
  const db = untyped as Kysely<RequirementsTables>;
  return {
    requirement: (id: string): Promise<RequirementRow | undefined> =>
      db.selectFrom('requirements').selectAll().where('id', '=', id).executeTakeFirst(),

    requirements: (ids: readonly string[]): Promise<RequirementRow[]> =>
      ids.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('requirements')
            .selectAll()
            .where('id', 'in', [...ids])
            .orderBy('seq')
            .execute(),

    /** The requirements not removed, oldest first. */
    liveRequirements: (projectId: string): Promise<RequirementRow[]> =>
      db.selectFrom('requirements').selectAll().where('project_id', '=', projectId).where('removed', '=', 0).orderBy('seq').execute(),

    /** Keys stay taken after removal (baselines and history name requirements by key); case does not make a new key. */
    keyTaken: async (projectId: string, key: string): Promise<boolean> => {
      const row = await db
        .selectFrom('requirements')
        .select('id')
        .where('project_id', '=', projectId)
        .where(sql<string>`lower(key)`, '=', key.trim().toLowerCase())
        .executeTakeFirst();
      return row !== undefined;
    },

    revisionsOf: (id: string): Promise<RequirementRevisionRow[]> =>
      db.selectFrom('requirement_revisions').selectAll().where('requirement_id', '=', id).orderBy('revision').execute(),

    /**
     * Every addition and revision of the project's requirements after `sinceIso` (all when null),
     * and with `removals` the removals too (what churn counts); oldest first.
     */
    changesSince: (projectId: string, sinceIso: string | null, removals = false): Promise<RequirementChangeRow[]> => {
      let query = db
        .selectFrom('requirement_revisions as v')
        .innerJoin('requirements as r', 'r.id', 'v.requirement_id')
        .selectAll('v')
        .select(['r.key', 'r.project_id'])
        .where('r.project_id', '=', projectId);
      if (sinceIso !== null) query = query.where('v.at', '>', sinceIso);
      if (!removals) query = query.where('v.removal', '=', 0);
      return query.orderBy('v.seq').execute();
    },
  };
};
