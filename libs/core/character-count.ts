const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/**
 * How many characters a reader counts in a text: code points, so an emoji outside the Basic
 * Multilingual Plane is one character, not the two UTF-16 units of `length` (as the input types'
 * @Length counts them too).
 */
export const characterCount = (text: string): number => text.length - (text.match(SURROGATE_PAIR)?.length ?? 0);
