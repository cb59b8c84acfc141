/** How the page writes numbers and times: one way everywhere, so views read alike. */
// Two decimals, as the API keeps hours: 7.25 h on the page is the 7.25 h a query answers.
const number = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/** A minus sign, not a hyphen, so a negative reserve reads as negative at a glance. */
export const hours = (value: number): string => `${number.format(value).replace('-', '−')} h`;

/**
 * A time taken, in hours from an hour on and in minutes below it: "0 h" beside a bar drawn the
 * length of a 40-minute wait read as nothing waited.
 */
export const timeTaken = (valueInHours: number): string => {
  if (valueInHours >= 1) return hours(valueInHours);
  const minutes = Math.round(valueInHours * 60);
  return minutes === 0 && valueInHours > 0 ? 'under 1 min' : `${minutes} min`;
};

export const days = (value: number): string => `${number.format(value)} d`;

export const percent = (value: number | null | undefined): string =>
  value === null || value === undefined ? '–' : `${Math.round(value)} %`;

const twoDigits = (value: number): string => String(value).padStart(2, '0');

/** The reader's own calendar month of a moment (YYYY-MM), as their clock shows the times beside it. */
export const monthOf = (moment: Date): string => `${moment.getFullYear()}-${twoDigits(moment.getMonth() + 1)}`;

/**
 * The day of an instant on the reader's clock (YYYY-MM-DD), as the activity feed shows its times:
 * a promise made at 01:10 on 7 December in Kiribati reads 7 December, not the UTC day before.
 */
export const dateOf = (iso: string | null | undefined): string => {
  if (!iso) return '–';
  const moment = new Date(iso);
  return `${monthOf(moment)}-${twoDigits(moment.getDate())}`;
};

/** ENUM_VALUES as words: PENDING_APPROVAL → pending approval. */
export const words = (value: string): string => value.toLowerCase().replaceAll('_', ' ');
