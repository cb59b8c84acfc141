/**
 * The most keys one object in the variables holds, found without recursion (variables may nest
 * deeper than the stack). graphql-js answers every key an input type lacks with an error that
 * prints the whole object again, up to 50 of them, each time it coerces the variables: an
 * object of 60,000 keys in a 1 MB body took 15 s of the event loop and a 44 MB answer. The
 * variables object itself counts too: graphql-js ignores variables an operation does not declare,
 * but no operation declares a hundred, so a request sending more is refused with the rest.
 */
export const widestObjectIn = (variables: unknown): number => {
  let widest = 0;
  const pending: unknown[] = [variables];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== 'object' || value === null) continue;
    const children = Array.isArray(value) ? value : Object.values(value);
    if (!Array.isArray(value)) widest = Math.max(widest, children.length);
    for (const child of children) if (typeof child === 'object' && child !== null) pending.push(child);
  }
  return widest;
};
