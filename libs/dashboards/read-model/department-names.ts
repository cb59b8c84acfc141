export interface DepartmentRow {
  department_key: string;
  organisation: string | null;
  department: string;
  attended: number;
}

/** The department as first written; with its organisation when another organisation has one of the same name. */
export const departmentNames = (rows: readonly DepartmentRow[]): string[] => {
  const nameOf = (row: DepartmentRow): string => (JSON.parse(row.department_key) as string[])[1];
  const organisations = new Map<string, number>();
  for (const row of rows) organisations.set(nameOf(row), (organisations.get(nameOf(row)) ?? 0) + 1);
  return rows.map((row) =>
    (organisations.get(nameOf(row)) ?? 0) > 1 ? `${row.department} (${row.organisation ?? 'no organisation'})` : row.department,
  );
};

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * As a person files names: letters without regard to case or accents (Ärger beside Arbeit, not
 * after zoning), numbers by value; names equal that way in code-unit order, so the list never moves.
 */
export const alphabetically = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
