/** How the page writes numbers and times: one way everywhere, so views read alike. */
const number = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/** A minus sign, not a hyphen, so a negative reserve reads as negative at a glance. */
export const hours = (value: number): string => `${number.format(value).replace('-', '−')} h`;

export const days = (value: number): string => `${number.format(value)} d`;

export const percent = (value: number | null | undefined): string =>
  value === null || value === undefined ? '–' : `${Math.round(value)} %`;

export const dateOf = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : '–');

/** ENUM_VALUES as words: PENDING_APPROVAL → pending approval. */
export const words = (value: string): string => value.toLowerCase().replaceAll('_', ' ');
