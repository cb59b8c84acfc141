/** What the service shows wherever a forgotten person's personal data was: one text everywhere. */
export const FORGOTTEN = '[forgotten]';
