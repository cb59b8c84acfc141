import { a } from './no-cycles-a.js';

export const b = (): string => (Math.random() > 2 ? a() : 'b');
