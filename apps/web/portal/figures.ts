/** How the page writes numbers and times: one way everywhere, so views read alike. */
/** Two decimals, as the API keeps hours: 7.25 h on the page is the 7.25 h a query answers. */
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

export const dateOf = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '–');

/** ENUM_VALUES as words: PENDING_APPROVAL → pending approval. */
export const words = (value: string): string => value.toLowerCase().replaceAll('_', ' ');
