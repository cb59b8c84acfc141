/**
 * GraphiQL's editor (Monaco) runs its language services in web workers. Their bundles are
 * files of this origin (apps/web/bundle.mjs builds them), never blob: or CDN code, so the
 * console works offline and under a Content-Security-Policy of 'self'.
 */
const WORKERS: Record<string, string> = {
  json: '/web/console/json.worker.js',
  graphql: '/web/console/graphql.worker.js',
};

Object.assign(globalThis, {
  MonacoEnvironment: {
    getWorker: (_workerId: string, label: string) => new Worker(WORKERS[label] ?? '/web/console/editor.worker.js'),
  },
});
