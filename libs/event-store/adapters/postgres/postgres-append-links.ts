/**
 * The link of the i-th event of the flat arrays to v_prev: SHA-256 over the very text `chainHash`
 * hashes — `{"data":…,"metadata":…,"prevHash":"…","schemaVersion":…,"type":…}`, keys in
 * canonical order — built from the canonical JSON the client sends and stores; the store
 * contract suite checks the two agree.
 */
export const linkHash = (i: string): string =>
  `encode(sha256(convert_to('{"data":' || p_data[${i}] || ',"metadata":' || p_metadata[${i}] || ',"prevHash":"' || v_prev
      || '","schemaVersion":' || p_versions[${i}] || ',"type":' || p_quoted_types[${i}] || '}', 'UTF8')), 'hex')`;

/** What an idempotency key answers a retry with. */
export const keyResult = (stream: string, revision: string, position: string): string =>
  `json_build_object('stream', ${stream}, 'nextExpectedRevision', ${revision}, 'position', (${position})::text)::text`;
