import { NOTIFY_CHANNEL, appendLockOf } from './postgres-schema.js';
import { keyResult, linkHash } from './postgres-append-links.js';

/**
 * A group of appends in one call and one commit (group commit), set-based: under the append
 * lock, one read of the head, one of the tails of the group's streams and one of its used keys;
 * then each append in turn is checked and chained against the tails as the appends before it
 * in the group left them — its own stream's too — so it is numbered and hashed exactly as
 * alone; then one INSERT of every appended event, one of the keys, and one notification.
 * An append that fails is skipped and reported in `outcomes` ('appended', 'wrong_revision' —
 * checked first, as alone — or 'key_used', also by an earlier append of the group), and the
 * others still append. p_event_counts says how many of the flat event arrays belong to each append.
 */
export const appendBatch = (schema: string): string => `
CREATE OR REPLACE FUNCTION "${schema}".append_batch(
  p_streams text[], p_expected integer[], p_any_revision boolean[], p_key_users text[], p_keys text[], p_event_counts integer[],
  p_types text[], p_quoted_types text[], p_versions integer[], p_data text[], p_metadata text[], p_occurred_at text[],
  OUT outcomes text[], OUT revisions integer[], OUT positions bigint[])
LANGUAGE plpgsql AS $batch$
DECLARE
  v_appends integer := array_length(p_streams, 1);
  v_head bigint;
  v_tail_streams text[];
  v_tail_revisions integer[];
  v_tail_hashes text[];
  v_keys_used boolean[];
  v_tail integer;
  v_revision integer;
  v_prev text;
  v_first integer := 1;
  v_rows integer := 0;
  r_events integer[] := '{}';
  r_positions bigint[] := '{}';
  r_streams text[] := '{}';
  r_revisions integer[] := '{}';
  r_prevs text[] := '{}';
  r_hashes text[] := '{}';
  k_users text[] := '{}';
  k_keys text[] := '{}';
  k_results text[] := '{}';
BEGIN
  PERFORM pg_advisory_xact_lock(${appendLockOf(schema)});
  SELECT COALESCE(MAX(e.position), 0) INTO v_head FROM "${schema}".events e;
  SELECT array_agg(g.stream), array_agg(COALESCE(tail.revision, -1)), array_agg(COALESCE(tail.hash, repeat('0', 64)))
    INTO v_tail_streams, v_tail_revisions, v_tail_hashes
    FROM (SELECT DISTINCT unnest(p_streams) AS stream) AS g
    LEFT JOIN LATERAL (SELECT e.revision, e.hash FROM "${schema}".events e
      WHERE e.stream = g.stream ORDER BY e.revision DESC LIMIT 1) AS tail ON true;
  SELECT array_agg(g.key IS NOT NULL AND EXISTS (SELECT 1 FROM "${schema}".idempotency_keys k
      WHERE k.user_id = g.key_user AND k.key = g.key) ORDER BY g.n)
    INTO v_keys_used FROM unnest(p_key_users, p_keys) WITH ORDINALITY AS g(key_user, key, n);
  outcomes := array_fill(NULL::text, ARRAY[v_appends]);
  revisions := array_fill(NULL::integer, ARRAY[v_appends]);
  positions := array_fill(NULL::bigint, ARRAY[v_appends]);
  FOR a IN 1 .. v_appends LOOP
    v_tail := array_position(v_tail_streams, p_streams[a]);
    v_revision := v_tail_revisions[v_tail];
    revisions[a] := v_revision;
    IF NOT p_any_revision[a] AND v_revision <> p_expected[a] THEN
      outcomes[a] := 'wrong_revision';
    ELSIF v_keys_used[a] OR (p_keys[a] IS NOT NULL
        AND EXISTS (SELECT 1 FROM unnest(k_users, k_keys) AS k(user_id, key) WHERE k.user_id = p_key_users[a] AND k.key = p_keys[a])) THEN
      outcomes[a] := 'key_used';
    ELSE
      v_prev := v_tail_hashes[v_tail];
      FOR i IN v_first .. v_first + p_event_counts[a] - 1 LOOP
        v_rows := v_rows + 1;
        v_revision := v_revision + 1;
        r_events[v_rows] := i;
        r_positions[v_rows] := v_head + v_rows;
        r_streams[v_rows] := p_streams[a];
        r_revisions[v_rows] := v_revision;
        r_prevs[v_rows] := v_prev;
        v_prev := ${linkHash('i')};
        r_hashes[v_rows] := v_prev;
      END LOOP;
      v_tail_revisions[v_tail] := v_revision;
      v_tail_hashes[v_tail] := v_prev;
      outcomes[a] := 'appended';
      revisions[a] := v_revision;
      positions[a] := v_head + v_rows;
      IF p_keys[a] IS NOT NULL THEN
        k_users := k_users || p_key_users[a];
        k_keys := k_keys || p_keys[a];
        k_results := k_results || ${keyResult('p_streams[a]', 'v_revision', 'v_head + v_rows')};
      END IF;
    END IF;
    v_first := v_first + p_event_counts[a];
  END LOOP;
  IF v_rows > 0 THEN
    INSERT INTO "${schema}".events (position, stream, revision, type, schema_version, data, metadata, occurred_at, prev_hash, hash)
      SELECT r.position, r.stream, r.revision, p_types[r.i], p_versions[r.i], p_data[r.i], p_metadata[r.i], p_occurred_at[r.i], r.prev, r.hash
      FROM unnest(r_positions, r_streams, r_revisions, r_events, r_prevs, r_hashes) AS r(position, stream, revision, i, prev, hash);
    INSERT INTO "${schema}".idempotency_keys (user_id, key, result) SELECT * FROM unnest(k_users, k_keys, k_results);
    PERFORM pg_notify('${NOTIFY_CHANNEL}', '${schema}:' || (v_head + v_rows)::text);
  END IF;
END
$batch$;
`;
