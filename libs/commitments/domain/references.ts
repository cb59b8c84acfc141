import type { Reference } from '@cf/core';

/** What the budget stream's commands name by id, and the input that names it: a refusal names that field. */
export const REQUIREMENTS: Reference = { entity: 'Requirement', field: 'requirementIds' };
export const REQUESTS: Reference = { entity: 'Request', field: 'requestIds' };
export const COVERED: Reference = { entity: 'Commitment', field: 'coversCommitmentIds' };
export const COUNTERSIGNER: Reference = { entity: 'Contact', field: 'countersignedById' };
