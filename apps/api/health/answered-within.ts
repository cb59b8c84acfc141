/** What `asked` answers, or an error saying it did not answer within `ms` (the timer never outlives it). */
export const answeredWithin = <T>(asked: Promise<T>, ms: number, who: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${who} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([asked, late]).finally(() => clearTimeout(timer));
};
