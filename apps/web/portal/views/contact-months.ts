/** `count` months up to and including `last` (YYYY-MM), oldest first. */
export const monthsEnding = (last: string, count: number): string[] => {
  const [year, month] = last.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(year, month - 1 - (count - 1 - i), 1));
    return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
  });
};

/** A heat map cell's shade: nothing, under half the target, under the target, target met. */
export type ContactLevel = 'none' | 'low' | 'below' | 'met';

export const contactLevel = (days: number, target: number): ContactLevel => {
  if (days <= 0) return 'none';
  if (days >= target) return 'met';
  return days < target / 2 ? 'low' : 'below';
};

export interface DeveloperMonth {
  developer: { userId: string; name: string };
  days: number;
  target: number;
}

/** A developer's month: days against the target, or none when the month does not list them. */
export type HeatCell = { days: number; target: number } | null;

export interface HeatRow {
  userId: string;
  name: string;
  /** One entry per month, in the months' order. */
  cells: HeatCell[];
}

/**
 * Months of developer lists into one row per developer. A month that does not list someone (not
 * yet a developer of the project, or no longer) has no cell: no target was theirs to miss.
 */
export const heatRows = (months: DeveloperMonth[][]): HeatRow[] => {
  const developers = new Map<string, string>();
  for (const month of months)
    for (const { developer } of month) if (!developers.has(developer.userId)) developers.set(developer.userId, developer.name);
  return [...developers].map(([userId, name]) => ({
    userId,
    name,
    cells: months.map((month) => {
      const entry = month.find((m) => m.developer.userId === userId);
      return entry ? { days: entry.days, target: entry.target } : null;
    }),
  }));
};
