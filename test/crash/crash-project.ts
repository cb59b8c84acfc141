/** A portal user who sends mutations during a round. */
export interface Writer {
  userId: string;
  name: string;
  token: string;
  role: 'MANAGER' | 'DEVELOPER';
}

export interface KnownContact {
  id: string;
  canApproveScope: boolean;
}

/**
 * The project a round's writers share, and every entity of it the API has acknowledged so far:
 * writers act on each other's requests, requirements and commitments, so they meet on streams.
 */
export interface CrashProject {
  projectId: string;
  contacts: KnownContact[];
  sessions: string[];
  requests: string[];
  requirements: string[];
  commitments: string[];
}

export const emptyProject = (projectId: string): CrashProject => ({
  projectId,
  contacts: [],
  sessions: [],
  requests: [],
  requirements: [],
  commitments: [],
});

/** The subjects a status can be reported on: a request, requirement or commitment of the project. */
export const statusSubjects = (project: CrashProject): string[] => [...project.requests, ...project.requirements, ...project.commitments];
