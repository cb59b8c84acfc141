import type { NextFunction, Request, Response } from 'express';

export const CONTENT_SECURITY_POLICY = 'Content-Security-Policy';

/**
 * What every answer allows a browser: nothing. JSON, metrics and errors load, run and frame
 * nothing, so an answer opened as a page (or injected into one) cannot either.
 */
const NOTHING = ["default-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"];

const policy = (...directives: string[]): string => [...NOTHING, ...directives].join('; ');

/**
 * Each page's policy: its own bundles from this origin (no inline script: the HTML has none),
 * GraphQL over fetch and graphql-ws on this origin ('self' covers ws: and wss: of the same
 * host), and the empty `data:` icon the HTML names so the browser asks for no favicon.
 */
export const PAGE_POLICIES = {
  // Bar widths are set through the CSSOM, which style-src does not govern: no inline style is needed.
  portal: policy("script-src 'self'", "style-src 'self'", "connect-src 'self'", 'img-src data:'),
  // GraphiQL's editor (Monaco) writes its theme and decorations into <style> elements it makes at
  // run time, so their text cannot be hashed ahead: styles only, never scripts, may be inline.
  // Its language services run as workers from this origin; GraphiQL's fonts are files and data: URLs.
  console: policy(
    "script-src 'self'",
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "img-src 'self' data:",
    "connect-src 'self'",
  ),
} as const;

export type Page = keyof typeof PAGE_POLICIES;

/**
 * On every answer: the policy of nothing (a page sets its own when it is sent), no framing by
 * other sites (X-Frame-Options for browsers that predate frame-ancestors), no content-type
 * guessing, and no Referer, so a page's address never travels to wherever a link leads.
 */
export const EVERY_ANSWER_HEADERS: Readonly<Record<string, string>> = {
  [CONTENT_SECURITY_POLICY]: policy(),
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

export const securityHeaders = (_request: Request, response: Response, next: NextFunction): void => {
  for (const [name, value] of Object.entries(EVERY_ANSWER_HEADERS)) response.setHeader(name, value);
  next();
};
