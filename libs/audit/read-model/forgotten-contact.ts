import { FORGOTTEN } from '@cf/core';

/** A contact's fields that say who the person is and where they work. */
const PERSONAL_FIELDS = ['name', 'email', 'organisation', 'department'];

const forgottenText = (value: unknown): unknown => (typeof value === 'string' ? FORGOTTEN : value);

const isPersonalChange = (value: unknown): value is { field: string; from?: unknown; to?: unknown } =>
  typeof value === 'object' && value !== null && PERSONAL_FIELDS.includes((value as { field?: unknown }).field as string);

/**
 * What an event of a forgotten contact shows (audit log, history, export): every personal field
 * `[forgotten]`, beside the event's other fields and in the from and to of the changes a revision
 * lists. Name and e-mail are sealed, so the destroyed key forgets them anyway; organisation and
 * department are kept in plain in the log (the dashboards group contacts by department, on every
 * replay), so this is what forgets them wherever the log is shown. The stored events stay as they
 * are: the hash chain covers them.
 */
export const asAForgottenContactShows = (data: Record<string, unknown>): Record<string, unknown> => {
  const shown = Object.fromEntries(
    Object.entries(data).map(([field, value]) => [field, PERSONAL_FIELDS.includes(field) ? forgottenText(value) : value]),
  );
  if (!Array.isArray(data.changes)) return shown;
  return {
    ...shown,
    changes: data.changes.map((change: unknown) =>
      isPersonalChange(change) ? { ...change, from: forgottenText(change.from), to: forgottenText(change.to) } : change,
    ),
  };
};
