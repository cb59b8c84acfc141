import { requirementRows } from '../requirements/read-model/requirement-rows.js';

export const requestsReachInside = requirementRows;
