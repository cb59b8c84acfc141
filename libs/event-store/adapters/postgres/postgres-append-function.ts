import { NOTIFY_CHANNEL, appendLockOf } from './postgres-schema.js';
import { appendBatch } from './postgres-append-batch-function.js';
import { keyResult, linkHash } from './postgres-append-links.js';

/** The schema's append functions: one append alone, and a group of appends in one call. */
export const postgresAppendFunction = (schema: string): string =>
  `${appendToStream(schema)}${appendIfUnmoved(schema)}${appendBatch(schema)}`;

/**
 * An append as one statement, so it costs one round trip, as an autocommitted INSERT does. Under
 * the log's append lock it checks the expected revision, links each event to the previous hash,
 * inserts the batch as one multi-row INSERT numbered after the head, keeps the idempotency key
 * and notifies readers. The statements of a volatile function each take a fresh snapshot, so the tail read
 * after the lock sees every append committed before it.
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
    v_prev := ${linkHash('i')};
    v_hashes[i] := v_prev;
  END LOOP;
  INSERT INTO "${schema}".events (position, stream, revision, type, schema_version, data, metadata, occurred_at, prev_hash, hash)
    SELECT v_head + n, p_stream, v_revision + n, t, v, d, m, o, ph, h
    FROM unnest(p_types, p_versions, p_data, p_metadata, p_occurred_at, v_prevs, v_hashes) WITH ORDINALITY AS batch(t, v, d, m, o, ph, h, n);
  v_revision := v_revision + array_length(p_types, 1);
  v_position := v_head + array_length(p_types, 1);
  IF p_key IS NOT NULL THEN
    INSERT INTO "${schema}".idempotency_keys (user_id, key, result) VALUES (p_key_user, p_key,
      ${keyResult('p_stream', 'v_revision', 'v_position')});
  END IF;
  PERFORM pg_notify('${NOTIFY_CHANNEL}', '${schema}:' || v_position::text);
  appended := true;
  current_revision := v_revision;
  last_position := v_position;
END
$append$;
`;

/**
 * An append that rests on other streams too (a budget decision on who may decide, in the project's
 * stream), or on a kind of facts read whole (UnchangedSince: a project's sessions): under the same
 * append lock, each such stream must still end at the revision the decision read, and no event of
 * such a kind may have come since its position, or nothing is appended and `moved_stream`, or
 * `changed_since` (which condition, from 1) with `last_position` (the event it rules out), says why.
 * One round trip. (Its first form, without the conditions, may remain in a schema: no code calls it.)
 */
const appendIfUnmoved = (schema: string): string => `
CREATE OR REPLACE FUNCTION "${schema}".append_if_unmoved(
  p_unmoved text[], p_unmoved_revisions integer[],
  p_since_after bigint[], p_since_prefix text[], p_since_project text[],
  p_stream text, p_expected integer, p_any_revision boolean,
  p_types text[], p_quoted_types text[], p_versions integer[], p_data text[], p_metadata text[], p_occurred_at text[],
  p_key_user text, p_key text,
  OUT appended boolean, OUT current_revision integer, OUT last_position bigint, OUT moved_stream text, OUT changed_since integer)
LANGUAGE plpgsql AS $unmoved$
DECLARE
  v_revision integer;
  v_position bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(${appendLockOf(schema)});
  FOR i IN 1 .. COALESCE(array_length(p_unmoved, 1), 0) LOOP
    SELECT COALESCE((SELECT e.revision FROM "${schema}".events e WHERE e.stream = p_unmoved[i] ORDER BY e.revision DESC LIMIT 1), -1)
      INTO v_revision;
    IF v_revision <> p_unmoved_revisions[i] THEN
      appended := false;
      current_revision := v_revision;
      moved_stream := p_unmoved[i];
      RETURN;
    END IF;
  END LOOP;
  FOR i IN 1 .. COALESCE(array_length(p_since_after, 1), 0) LOOP
    SELECT e.position INTO v_position FROM "${schema}".events e
      WHERE e.position > p_since_after[i] AND starts_with(e.stream, p_since_prefix[i])
        AND (e.data::jsonb ->> 'projectId') = p_since_project[i]
      ORDER BY e.position LIMIT 1;
    IF v_position IS NOT NULL THEN
      appended := false;
      changed_since := i;
      last_position := v_position;
      RETURN;
    END IF;
  END LOOP;
  SELECT a.appended, a.current_revision, a.last_position INTO appended, current_revision, last_position
    FROM "${schema}".append_to_stream(p_stream, p_expected, p_any_revision, p_types, p_quoted_types, p_versions,
      p_data, p_metadata, p_occurred_at, p_key_user, p_key) AS a;
END
$unmoved$;
`;
