import { PortalCommand } from '@cf/ledger';
import type { OpenProjectInput } from './open-project.input.js';

export class OpenProjectCommand extends PortalCommand<OpenProjectInput> {}
