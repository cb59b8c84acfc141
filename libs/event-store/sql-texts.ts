/** A table or column name as SQL writes it. */
export const quoted = (name: string): string => `"${name}"`;

/** The dialect's placeholders: `$1, $2, …` on PostgreSQL, `?` on SQLite. */
export const placeholders = (numbered: boolean) => {
  let next = 0;
  return (): string => (numbered ? `$${++next}` : '?');
};

/** SQL texts by what they do, table, columns and rows: built once per shape, so each is prepared once. */
const texts = new Map<string, string>();

export const textOf = (shape: string, build: () => string): string => {
  let text = texts.get(shape);
  if (text === undefined) texts.set(shape, (text = build()));
  return text;
};
