import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { Matches } from 'class-validator';
import { DomainError } from '@cf/core';

/** A surrogate that is not half of a pair: with the u flag, a pair reads as one code point outside Cs. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Control characters but tab, line feed and carriage return (C0, DEL, C1): none is text a person
 * writes, and an escape sequence in a title would steer the terminal of whoever reads an export.
 */
// eslint-disable-next-line no-control-regex -- exactly these code points are refused
const CONTROL = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * Bidirectional embeddings, overrides and isolates: text holding them reads in another order than
 * it is stored ("Trojan Source"), so a summary or a name could show the auditor something else
 * than the log holds. The marks (LRM, RLM, ALM), which only give a neutral character a direction,
 * stay allowed: right-to-left names need them.
 */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

/**
 * Tab and line breaks (Unicode's line and paragraph separators too), which text may hold but a
 * one-line name may not: a user id, a person's name shown as an event's actor or in a reason.
 */
export const LINE_BREAK_OR_TAB = /[\t\n\r\u2028\u2029]/;
const ONE_LINE = /^[^\t\n\r\u2028\u2029]*$/;

/** class-validator's check that `field` is one line; `why` says what needs it so. */
export const IsOneLine = (field: string, why = ''): PropertyDecorator =>
  Matches(ONE_LINE, { message: `${field} must be one line: no tab or line break${why}` });

/** What makes a text unreadable, or undefined when it is readable. */
export const whyUnreadable = (text: string): string | undefined => {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if (CONTROL.test(text)) return 'must not contain control characters (only tab, line feed and carriage return)';
  // A lone surrogate is no character: UTF-8 cannot hold it, so the store would keep (and hash) U+FFFD instead of what was sent.
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode (it holds a lone surrogate)';
  if (BIDI_CONTROL.test(text))
    return 'must not contain bidirectional overrides or isolates (U+202A–U+202E, U+2066–U+2069): they show text in another order than it is stored';
  return undefined;
};

const firstUnreadable = (value: unknown, path: string, depth = 0): { path: string; problem: string } | undefined => {
  if (typeof value === 'string') {
    const problem = whyUnreadable(value);
    return problem ? { path, problem } : undefined;
  }
  if (value === null || typeof value !== 'object' || depth > 20) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const found = firstUnreadable(inner, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return undefined;
};

/**
 * No argument may carry text that is not text: a NUL character (never meaningful in this domain,
 * and PostgreSQL refuses it in text parameters, so one store would answer differently from the
 * other), another control character than tab and line breaks, a lone surrogate (stored as
 * something else than was sent) or a bidirectional override or isolate (shown in another order). Applies to every resolver
 * argument, ids included.
 */
@Injectable()
export class UnreadableTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const found = firstUnreadable(value, '');
    if (found !== undefined) {
      const field =
        found.path
          .split('.')
          .filter((part) => !/^\d+$/.test(part))
          .pop() ||
        metadata.data ||
        'input';
      throw DomainError.badInput(field, found.problem);
    }
    return value;
  }
}
