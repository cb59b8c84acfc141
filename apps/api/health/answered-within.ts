/** A store (or any callee) that did not answer in time: our own words, safe to show as they are. */
export class DidNotAnswer extends Error {}

/** What `asked` answers, or DidNotAnswer saying it did not answer within `ms` (the timer never outlives it). */
export const answeredWithin = <T>(asked: Promise<T>, ms: number, who: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DidNotAnswer(`${who} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([asked, late]).finally(() => clearTimeout(timer));
};
