import { harness } from '../../test/harness.js';

export const requestsKnowHarness = harness;
