import type { NextFunction, Request, Response } from 'express';
import { QUERY_CONSOLE_PAGE } from './query-console.page.js';


/**
 * A browser opening /graphql gets a small query console served from here. Apollo's and
 * GraphiQL's default pages load their code from a CDN, which fails without internet access,
 * so both are turned off (see README).
 */
export const serveQueryConsole = (request: Request, response: Response, next: NextFunction): void => {
  const wantsPage = request.method === 'GET' && request.accepts(['json', 'html']) === 'html' && request.query.query === undefined;
  if (!wantsPage) return next();
  response.type('html').send(QUERY_CONSOLE_PAGE);
};
