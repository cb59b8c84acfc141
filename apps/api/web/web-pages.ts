import { join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { WEB_BUNDLE_DIR, builtPage } from './web-bundle.js';
import { CONTENT_SECURITY_POLICY, PAGE_POLICIES, type Page } from './security-headers.js';

const NOT_BUILT = 'The web pages are not built yet: run `npm run build` (npm start does).';

const sendPage = (page: Page, response: Response): void => {
  const file = builtPage(page);
  if (!file) {
    response.status(503).type('text').send(NOT_BUILT);
    return;
  }
  // Pages and bundles change with every build; revalidating is cheap (ETag) and never stale.
  response.setHeader('Cache-Control', 'no-cache');
  response.setHeader(CONTENT_SECURITY_POLICY, PAGE_POLICIES[page]);
  response.sendFile(file);
};

/** A browser opening /graphql gets GraphiQL; a GraphQL client's GET passes through to Apollo. */
const serveConsole = (request: Request, response: Response, next: NextFunction): void => {
  const wantsPage = request.method === 'GET' && request.accepts(['json', 'html']) === 'html' && request.query.query === undefined;
  if (!wantsPage) return next();
  sendPage('console', response);
};

/**
 * The pages served by the API itself, with every script, style and font from this origin:
 * /portal (the team's dashboard page), GraphiQL at /graphql in a browser, and their bundles
 * under /web/<page>/. No token is needed to load them; every figure they show is asked of the
 * API with the user's token.
 */
export const serveWebPages = (app: NestExpressApplication): void => {
  for (const page of Object.keys(PAGE_POLICIES) as Page[]) {
    app.useStaticAssets(join(WEB_BUNDLE_DIR, page), {
      prefix: `/web/${page}/`,
      index: false,
      // A worker runs under the policy its own script comes with: the page's.
      setHeaders: (response) => response.setHeader('Cache-Control', 'no-cache').setHeader(CONTENT_SECURITY_POLICY, PAGE_POLICIES[page]),
    });
  }
  app.use('/portal', (request: Request, response: Response, next: NextFunction) =>
    request.method === 'GET' && (request.path === '/' || request.path === '') ? sendPage('portal', response) : next(),
  );
  app.use('/graphql', serveConsole);
};
