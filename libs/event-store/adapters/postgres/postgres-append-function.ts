import { NOTIFY_CHANNEL, appendLockOf } from './postgres-schema.js';

/** The schema's append functions: one append alone, and a group of appends in one call. */
export const postgresAppendFunction = (schema: string): string => `${appendToStream(schema)}${appendBatch(schema)}`;

/**
 * An append as one statement, so it costs one round trip, as an autocommitted INSERT does. Under
 * the log's append lock it checks the expected revision, links each event to the previous hash,
 * inserts the batch as one multi-row INSERT numbered after the head, keeps the idempotency key
 * and notifies readers. The statements of a volatile function each take a fresh snapshot, so the tail read
 * after the lock sees every append committed before it.
 *
 * The link is SHA-256 over the very text `chainHash` hashes — `{"data":…,"metadata":…,
 * "prevHash":"…","schemaVersion":…,"type":…}`, keys in canonical order — built from the
 * canonical JSON the client sends and stores; the store contract suite checks the two agree.
 */
const appendToStream = (schema: string): string => `
CREATE OR REPLACE FUNCTION "${schema}".append_to_stream(
  p_stream text, p_expected integer, p_any_revision boolean,
  p_types text[], p_quoted_types text[], p_versions integer[], p_data text[], p_metadata text[], p_occurred_at text[],
  p_key_user text, p_key text,
  OUT appended boolean, OUT current_revision integer, OUT last_position bigint)
LANGUAGE plpgsql AS $append$
DECLARE
  v_revision integer;
  v_prev text;
  v_head bigint;
  v_position bigint;
  v_prevs text[] := '{}';
  v_hashes text[] := '{}';
BEGIN
  PERFORM pg_advisory_xact_lock(${appendLockOf(schema)});
  SELECT (SELECT COALESCE(MAX(e.position), 0) FROM "${schema}".events e), tail.revision, tail.hash
    INTO v_head, v_revision, v_prev
    FROM (SELECT 1) AS one LEFT JOIN LATERAL (SELECT e.revision, e.hash FROM "${schema}".events e
      WHERE e.stream = p_stream ORDER BY e.revision DESC LIMIT 1) AS tail ON true;
  v_revision := COALESCE(v_revision, -1);
  IF NOT p_any_revision AND v_revision <> p_expected THEN
    appended := false;
    current_revision := v_revision;
    RETURN;
  END IF;
  v_prev := COALESCE(v_prev, repeat('0', 64));
  FOR i IN 1 .. array_length(p_types, 1) LOOP
    v_prevs[i] := v_prev;
    v_prev := encode(sha256(convert_to('{"data":' || p_data[i] || ',"metadata":' || p_metadata[i] || ',"prevHash":"' || v_prev
      || '","schemaVersion":' || p_versions[i] || ',"type":' || p_quoted_types[i] || '}', 'UTF8')), 'hex');
    v_hashes[i] := v_prev;
  END LOOP;
  INSERT INTO "${schema}".events (position, stream, revision, type, schema_version, data, metadata, occurred_at, prev_hash, hash)
    SELECT v_head + n, p_stream, v_revision + n, t, v, d, m, o, ph, h
    FROM unnest(p_types, p_versions, p_data, p_metadata, p_occurred_at, v_prevs, v_hashes) WITH ORDINALITY AS batch(t, v, d, m, o, ph, h, n);
  v_revision := v_revision + array_length(p_types, 1);
  v_position := v_head + array_length(p_types, 1);
  IF p_key IS NOT NULL THEN
    INSERT INTO "${schema}".idempotency_keys (user_id, key, result) VALUES (p_key_user, p_key,
      json_build_object('stream', p_stream, 'nextExpectedRevision', v_revision, 'position', v_position::text)::text);
  END IF;
  PERFORM pg_notify('${NOTIFY_CHANNEL}', '${schema}:' || v_position::text);
  appended := true;
  current_revision := v_revision;
  last_position := v_position;
END
$append$;
`;

/**
 * A group of appends in one call and one commit (group commit): under the append lock, each
 * append in turn goes through append_to_stream, so it sees the appends before it in the group
 * — to its own stream too — and is chained and numbered exactly as alone. An append that fails
 * is skipped and reported in `outcomes` ('appended', 'wrong_revision' or 'key_used'), and the
 * others still append: a used key is looked up first, since alone it would abort the whole
 * call, and reported as alone — after a wrong revision, which append_to_stream checks first.
 * p_event_counts says how many of the flat event arrays belong to each append.
 */
const appendBatch = (schema: string): string => `
CREATE OR REPLACE FUNCTION "${schema}".append_batch(
  p_streams text[], p_expected integer[], p_any_revision boolean[], p_key_users text[], p_keys text[], p_event_counts integer[],
  p_types text[], p_quoted_types text[], p_versions integer[], p_data text[], p_metadata text[], p_occurred_at text[],
  OUT outcomes text[], OUT revisions integer[], OUT positions bigint[])
LANGUAGE plpgsql AS $batch$
DECLARE
  v_appends integer := array_length(p_streams, 1);
  v_first integer := 1;
  v_last integer;
  v_key_used boolean;
  v_appended boolean;
  v_revision integer;
  v_position bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(${appendLockOf(schema)});
  outcomes := array_fill(NULL::text, ARRAY[v_appends]);
  revisions := array_fill(NULL::integer, ARRAY[v_appends]);
  positions := array_fill(NULL::bigint, ARRAY[v_appends]);
  FOR a IN 1 .. v_appends LOOP
    v_last := v_first + p_event_counts[a] - 1;
    v_key_used := false;
    IF p_keys[a] IS NOT NULL THEN
      v_key_used := EXISTS (SELECT 1 FROM "${schema}".idempotency_keys k WHERE k.user_id = p_key_users[a] AND k.key = p_keys[a]);
    END IF;
    IF v_key_used THEN
      SELECT COALESCE(MAX(e.revision), -1) INTO v_revision FROM "${schema}".events e WHERE e.stream = p_streams[a];
      v_appended := false;
    ELSE
      SELECT s.appended, s.current_revision, s.last_position INTO v_appended, v_revision, v_position
        FROM "${schema}".append_to_stream(p_streams[a], p_expected[a], p_any_revision[a],
          p_types[v_first:v_last], p_quoted_types[v_first:v_last], p_versions[v_first:v_last], p_data[v_first:v_last],
          p_metadata[v_first:v_last], p_occurred_at[v_first:v_last], p_key_users[a], p_keys[a]) AS s;
    END IF;
    outcomes[a] := CASE WHEN v_appended THEN 'appended'
      WHEN NOT p_any_revision[a] AND v_revision <> p_expected[a] THEN 'wrong_revision' ELSE 'key_used' END;
    revisions[a] := v_revision;
    positions[a] := CASE WHEN v_appended THEN v_position END;
    v_first := v_last + 1;
  END LOOP;
END
$batch$;
`;
