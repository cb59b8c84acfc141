import type { Projection } from '@cf/event-store';
import { ProjectsModule, projectsProjection } from '@cf/projects';

/** The bounded contexts the API serves, and the read models they keep. */
export const LEDGER_CONTEXTS = [ProjectsModule];

export const LEDGER_PROJECTIONS: readonly Projection[] = [projectsProjection];
