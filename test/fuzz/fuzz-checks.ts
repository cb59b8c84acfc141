import { INJECTIONS } from './hostile-values.js';

/** What every answer to a hostile request must satisfy; each breach is one finding. */
export const DOCUMENTED_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'RULE_VIOLATED',
  'RATE_LIMITED',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
]);

/** Signs of internals: stack frames, the database, JS runtime errors, source paths (linear-time patterns: answers echo 1 MB inputs). */
const LEAKS: RegExp[] = [
  / {4}at /,
  /SQLITE/,
  /sqlite/i,
  /TypeError/,
  /ReferenceError/,
  /RangeError/,
  /Cannot read/,
  /is not a function/,
  /Maximum call stack/,
  /node_modules/,
  /\/(?:work|home|usr|app|tmp)\//,
  /\b\w{1,60}\.[cm]?[jt]s:\d/,
  /kysely/i,
  /better-sqlite3/,
];

/**
 * Hostile values an earlier request may have stored, as a later answer shows them again (a
 * withdrawal's reason among a commitment's suspect links): taken out before looking for leaks,
 * so that only what the server adds of its own counts.
 */
const STORED_ECHOES = INJECTIONS.filter((value) => LEAKS.some((pattern) => pattern.test(value))).map((value) =>
  JSON.stringify(value).slice(1, -1),
);
const withoutStoredEchoes = (text: string): string => STORED_ECHOES.reduce((rest, value) => rest.split(value).join(' '), text);

export interface Answer {
  status: number;
  text: string;
  json?: { data?: unknown; errors?: { message?: string; extensions?: { code?: unknown } }[] } | null;
}

export const readAnswer = async (response: Response): Promise<Answer> => {
  const text = await response.text();
  try {
    return { status: response.status, text, json: JSON.parse(text) as Answer['json'] };
  } catch {
    return { status: response.status, text };
  }
};

/** Refused: not a clean 200 with data and no errors. A refused request must append nothing. */
export const wasRefused = (answer: Answer): boolean =>
  answer.status !== 200 || !answer.json || (answer.json.errors?.length ?? 0) > 0 || answer.json.data == null;

/** The breaches of one answer (empty when it is fine). `sent` is what was sent, so echoes are not leaks. */
export const breachesOf = (answer: Answer, sent: string, headBefore: bigint, headAfter: bigint): string[] => {
  const request = ` [sent: ${sent.slice(0, 80)} … ${sent.slice(Math.max(0, sent.indexOf('"variables"')), sent.indexOf('"variables"') + 300)}]`;
  const found: string[] = [];
  if (answer.status >= 500) found.push(`HTTP ${answer.status}${request}`);
  for (const pattern of LEAKS) {
    if (pattern.test(answer.text) && !pattern.test(sent) && pattern.test(withoutStoredEchoes(answer.text)))
      found.push(`leaks ${pattern}: ${excerpt(answer.text, pattern)}`);
  }
  for (const error of answer.json?.errors ?? []) {
    const code = error.extensions?.code;
    if (typeof code !== 'string' || !DOCUMENTED_CODES.has(code))
      found.push(`error code ${String(code)}: ${error.message?.slice(0, 200)}${request}`);
  }
  if (wasRefused(answer) && headAfter !== headBefore) found.push(`refused, yet the head moved ${headBefore} → ${headAfter}`);
  return found;
};

const excerpt = (text: string, pattern: RegExp): string => {
  const at = text.search(pattern);
  return text.slice(Math.max(0, at - 80), at + 120);
};
