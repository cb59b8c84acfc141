import { b } from './no-cycles-b.js';

export const a = (): string => `a${b()}`;
