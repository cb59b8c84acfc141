import type { Kysely } from 'kysely';
import type { ReadModelDb } from '@cf/event-store';
import type { SuspectKind } from './suspect-links.apply.js';

export interface SuspectLinkRow {
  kind: SuspectKind;
  target_id: string;
  reason: string;
}

interface SuspectTables {
  commitments: { id: string; active: number };
  commitment_requests: { commitment_id: string; request_id: string; seq: number };
  commitment_requirements: { commitment_id: string; requirement_id: string; seq: number };
  commitment_link_target_changes: SuspectLinkRow & { seq: number };
  commitment_suspect_links_at_stop: SuspectLinkRow & { commitment_id: string; seq: number };
}

type Db = Kysely<SuspectTables>;

/** A commitment's requirement links whose requirement changed after the link was made, with that change. */
const suspectRequirementLinks = (db: Db) =>
  db
    .selectFrom('commitment_requirements as l')
    .innerJoin('commitment_link_target_changes as t', (join) =>
      join.on('t.kind', '=', 'REQUIREMENT').onRef('t.target_id', '=', 'l.requirement_id').onRef('t.seq', '>', 'l.seq'),
    );

/** A commitment's request links whose request was withdrawn after the link was made, with that change. */
const suspectRequestLinks = (db: Db) =>
  db
    .selectFrom('commitment_requests as l')
    .innerJoin('commitment_link_target_changes as t', (join) =>
      join.on('t.kind', '=', 'REQUEST').onRef('t.target_id', '=', 'l.request_id').onRef('t.seq', '>', 'l.seq'),
    );

/**
 * Suspect links, found when read: an active commitment's links joined with their targets' latest
 * changes; a commitment that stopped drawing keeps those it had when it stopped.
 */
export const suspectLinksReadModel = (untyped: ReadModelDb) => {
  const db = untyped as Db;
  return {
    /** In the order their targets changed. */
    suspectLinksOf: async (commitmentId: string): Promise<SuspectLinkRow[]> => {
      const active = db.selectFrom('commitments').select('id').where('id', '=', commitmentId).where('active', '=', 1);
      const columns = ['t.kind', 't.target_id', 't.reason', 't.seq'] as const;
      const rows = await suspectRequirementLinks(db)
        .select(columns)
        .where('l.commitment_id', 'in', active)
        .unionAll(suspectRequestLinks(db).select(columns).where('l.commitment_id', 'in', active))
        .unionAll(
          db
            .selectFrom('commitment_suspect_links_at_stop')
            .select(['kind', 'target_id', 'reason', 'seq'])
            .where('commitment_id', '=', commitmentId),
        )
        .orderBy('seq')
        .execute();
      return rows.map(({ kind, target_id, reason }) => ({ kind, target_id, reason }));
    },
  };
};
