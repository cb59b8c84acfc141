/**
 * Accepts what people paste: the bare token, `Bearer …` or the whole `Authorization: Bearer …`
 * line that `npm start` and `npm run seed` print.
 */
export const bareToken = (pasted: string): string =>
  pasted
    .trim()
    .replace(/^authorization\s*:\s*/i, '')
    .replace(/^bearer\s+/i, '')
    .trim();
