import { requestsFace } from '../requests/index.js';

export const coreKnowsRequests = requestsFace;
