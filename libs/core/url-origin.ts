/**
 * Only the scheme, host and port of a URL: what may be shown of a webhook's URL, whose path and
 * query often carry a token. `[url]` for a text that is not a URL.
 */
export const originOf = (url: string): string => {
  try {
    const { protocol, host } = new URL(url);
    return `${protocol}//${host}`;
  } catch {
    return '[url]';
  }
};
