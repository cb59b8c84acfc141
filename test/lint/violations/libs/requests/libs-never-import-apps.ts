import { app } from '../../apps/api/app.js';

export const requestsKnowApp = app;
