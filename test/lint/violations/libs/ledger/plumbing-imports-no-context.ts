import { requestsFace } from '../requests/index.js';

export const ledgerKnowsRequests = requestsFace;
