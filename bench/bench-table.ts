/** One measured line of a benchmark: a figure, and the reference it is compared with. */
export interface BenchRow {
  bench: string;
  case: string;
  value: number;
  unit: string;
  /** The reference measured in the same run, and ours ÷ it (or it ÷ ours for times: see `higherIsBetter`). */
  reference?: { label: string; value: number };
  higherIsBetter: boolean;
  note?: string;
  /**
   * The ratio this row must reach (at least, or at most when lower is better), and what limits
   * it and what would close the gap: RESULTS.md prints that when a run misses it.
   */
  target?: { ratio: number; whenMissed: string };
}

export interface Bench {
  name: string;
  run(): Promise<BenchRow[]>;
}

export const ratioOf = (row: BenchRow): number | undefined =>
  row.reference && row.reference.value > 0 ? row.value / row.reference.value : undefined;

/** Whether the row reached its target; undefined when it has none or nothing to compare with. */
export const targetMet = (row: BenchRow): boolean | undefined => {
  const ratio = ratioOf(row);
  if (!row.target || ratio === undefined) return undefined;
  return row.higherIsBetter ? ratio >= row.target.ratio : ratio <= row.target.ratio;
};

const format = (n: number): string => (Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(2));

export const renderTable = (rows: BenchRow[]): string => {
  const lines = ['| bench | case | ours | reference | ratio |', '| --- | --- | ---: | --- | ---: |'];
  for (const row of rows) {
    const ratio = ratioOf(row);
    const reference = row.reference ? `${row.reference.label}: ${format(row.reference.value)} ${row.unit}` : '–';
    lines.push(
      `| ${row.bench} | ${row.case} | ${format(row.value)} ${row.unit} | ${reference} | ${ratio === undefined ? '–' : `${ratio.toFixed(2)}×`} |`,
    );
  }
  return lines.join('\n');
};
