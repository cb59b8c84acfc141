import { requestsFace } from '../requests/index.js';

export const storeKnowsRequests = requestsFace;
