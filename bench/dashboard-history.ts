import type { Actor, EventStore, NewEvent } from '@cf/event-store';
import { loadingStore } from './bulk-load.js';

/**
 * A long, realistic history of a project, appended straight to the store (no commands): the
 * benches need many events fast, not the decisions. Every shape is the domain's own. Each
 * project's ids carry its number, and every four projects share a team (a manager and four
 * developers), so a store can hold many projects side by side.
 */
const entityId = (project: number, kind: number, i: number): string =>
  `01900000-${project.toString(16).padStart(4, '0')}-7000-8${kind.toString(16)}00-${i.toString(16).padStart(12, '0')}`;
export const projectIdOf = (project: number): string => entityId(project, 0, 0xbe4c0);
/** The project's contact number `c`; contact 0 decides and may approve scope. */
export const contactIdOf = (project: number, c: number): string => entityId(project, 1, c);
export const BENCH_PROJECT = projectIdOf(0);
const PROJECTS_PER_TEAM = 4;
const DEPARTMENTS = ['Claims', 'Finance', 'IT', 'Legal', 'Sales', 'Support'];
const CHANNELS = ['DIRECT', 'PROXY', 'WRITTEN'] as const;
const STANCES = ['ACCEPT', 'DECLINE', 'CLARIFY', 'ESTIMATE'] as const;
const REQUIREMENTS = 20;
const CONTACTS = 30;
const START = Date.parse('2026-01-01T08:00:00.000Z');

const at = (minute: number): string => new Date(START + minute * 60_000).toISOString();

/** The manager who opened the project: a MANAGER of it, and of the other projects of the team. */
export const managerOf = (project: number): Actor => {
  const team = Math.floor(project / PROJECTS_PER_TEAM);
  return { userId: `mgr-${team}`, name: `Manager ${team}` };
};

const developersOf = (project: number): Actor[] => {
  const team = Math.floor(project / PROJECTS_PER_TEAM);
  return [1, 2, 3, 4].map((d) => ({ userId: `dev-${team}-${d}`, name: `Developer ${d} of team ${team}` }));
};

/** Appends `type`s to streams while counting events; every append is one stream's batch. */
export class HistoryWriter {
  appended = 0;
  private minute = 0;
  private unit = 0;
  readonly projectId: string;
  private readonly manager: Actor;
  private readonly developers: Actor[];

  constructor(
    private readonly store: EventStore,
    private readonly project = 0,
  ) {
    this.projectId = projectIdOf(project);
    this.manager = managerOf(project);
    this.developers = developersOf(project);
  }

  /** The id of the project's entity number `i` of a `kind`: contact 1, requirement 2, baseline 3, … */
  private idOf(kind: number, i: number): string {
    return entityId(this.project, kind, i);
  }

  private async append(stream: string, events: Array<[string, Record<string, unknown>]>, actor = this.manager): Promise<void> {
    const occurredAt = at(this.minute);
    const batch: NewEvent[] = events.map(([type, data]) => ({
      type,
      data: { ...data, at: occurredAt },
      metadata: { actor, occurredAt, correlationId: `bench-${this.appended}` },
    }));
    await this.store.append(stream, batch, { expectedLastIndex: 'any' });
    this.appended += batch.length;
    this.minute += 7;
  }

  /** The project, its members, contacts, requirements and an approved baseline. */
  async open(): Promise<void> {
    const { projectId } = this;
    await this.append(`project-${projectId}`, [
      [
        'ProjectOpened',
        {
          projectId,
          name: `Bench ${this.project}`,
          customerName: 'ACME',
          budgetHours: 5_000,
          contactDaysTarget: 2,
          openedBy: this.manager,
        },
      ],
      ...this.developers.map((d): [string, Record<string, unknown>] => [
        'MemberAdded',
        { projectId, userId: d.userId, name: d.name, role: 'DEVELOPER' },
      ]),
    ]);
    for (let c = 0; c < CONTACTS; c++) {
      await this.append(`contact-${this.idOf(1, c)}`, [
        [
          'ContactRegistered',
          {
            contactId: this.idOf(1, c),
            projectId,
            name: `Contact ${c}`,
            department: DEPARTMENTS[c % DEPARTMENTS.length],
            role: c === 0 ? 'DECISION_MAKER' : 'END_USER',
            canApproveScope: c === 0,
          },
        ],
      ]);
    }
    const requirements = [];
    for (let r = 0; r < REQUIREMENTS; r++) {
      requirements.push({ requirementId: this.idOf(2, r), key: `R${r + 1}`, revision: 1, estimateHours: 120 });
      await this.append(`requirement-${this.idOf(2, r)}`, [
        [
          'RequirementAdded',
          {
            requirementId: this.idOf(2, r),
            projectId,
            key: `R${r + 1}`,
            title: `Requirement ${r + 1}`,
            text: 'As agreed.',
            estimateHours: 120,
            trigger: { kind: 'INTERNAL' },
            revision: 1,
            by: this.manager,
          },
        ],
      ]);
    }
    await this.append(`budget-${projectId}`, [
      [
        'BaselineApproved',
        {
          projectId,
          baselineId: this.idOf(3, 0),
          name: 'Contract',
          approvedBy: this.manager,
          countersignedById: this.idOf(1, 0),
          requirements,
          totalHours: 120 * REQUIREMENTS,
        },
      ],
    ]);
  }

  /** A day of ordinary work: a request answered, a commitment, a session, a requirement revised, a status report. */
  async workUnit(): Promise<void> {
    const u = this.unit++;
    const { projectId } = this;
    const developer = this.developers[u % this.developers.length];
    const contactId = this.idOf(1, u % CONTACTS);
    const requirementId = this.idOf(2, u % REQUIREMENTS);
    const requestId = this.idOf(4, u);
    const channel = CHANNELS[u % CHANNELS.length];
    await this.append(
      `request-${requestId}`,
      [
        [
          'RequestRaised',
          {
            requestId,
            projectId,
            title: `Request ${u}`,
            description: 'The claims team asks for a change of the upload form.',
            kind: 'CHANGE',
            channel,
            requestedById: contactId,
            ...(channel === 'PROXY' ? { relayedById: this.idOf(1, 1) } : {}),
            requirementIds: [requirementId],
          },
        ],
      ],
      developer,
    );
    if (u % 4 !== 3) {
      await this.append(
        `request-${requestId}`,
        [
          [
            'RequestResponded',
            { requestId, projectId, stance: STANCES[u % STANCES.length], message: 'Looked into it.', respondedBy: developer },
          ],
        ],
        developer,
      );
    }
    const commitmentId = this.idOf(5, u);
    const within = u % 3 !== 0;
    await this.append(
      `budget-${projectId}`,
      [
        [
          'CommitmentMade',
          {
            commitmentId,
            projectId,
            summary: `Promise ${u}`,
            madeBy: developer,
            makerRole: 'DEVELOPER',
            madeToId: contactId,
            madeToCouldApproveScope: u % CONTACTS === 0,
            requestIds: [requestId],
            requirementIds: within ? [requirementId] : [],
            estimateHours: 2 + (u % 5),
            status: within ? 'ACCEPTED' : 'PENDING_APPROVAL',
            atDecision: {
              outsideRequirements: !within,
              outsideBudget: false,
              exceedsBudgetByHours: 0,
              madeWithoutAuthority: !within,
              requestedWithoutAuthority: u % CONTACTS !== 0,
              reasons: [],
              budgetAtDecision: { budgetHours: 5_000, baselineHours: 2_400, reserveHours: 2_600, remainingReserveHours: 1_000 },
            },
          },
        ],
      ],
      developer,
    );
    if (!within)
      await this.append(`budget-${projectId}`, [
        [u % 2 ? 'CommitmentRejected' : 'CommitmentApproved', { commitmentId, projectId, note: 'Decided.', by: this.manager }],
      ]);
    const month = String(1 + (Math.floor(u / 40) % 12)).padStart(2, '0');
    await this.append(
      `session-${this.idOf(6, u)}`,
      [
        [
          'ContactSessionLogged',
          {
            sessionId: this.idOf(6, u),
            projectId,
            date: `2026-${month}-${String(1 + (u % 28)).padStart(2, '0')}`,
            days: 0.5,
            kind: 'ON_SITE',
            developers: [developer],
            contactIds: [contactId],
            notes: 'On site.',
          },
        ],
      ],
      developer,
    );
    await this.append(
      `requirement-${requirementId}`,
      [
        [
          'RequirementRevised',
          {
            requirementId,
            projectId,
            revision: 2 + Math.floor(u / REQUIREMENTS),
            title: `Requirement ${(u % REQUIREMENTS) + 1}`,
            text: `Revised after visit ${u}.`,
            estimateHours: 120,
            changes: [{ field: 'text', from: 'As agreed.', to: `Revised after visit ${u}.` }],
            reason: 'Learned on site',
            trigger: { kind: 'SESSION', sessionId: this.idOf(6, u) },
            by: developer,
          },
        ],
      ],
      developer,
    );
    await this.append(`status-${requirementId}`, [
      [
        'StatusReported',
        {
          subjectId: requirementId,
          subjectType: 'REQUIREMENT',
          projectId,
          title: 'R',
          toldStatus: 'ON_TRACK',
          toldPercentComplete: 50,
          toldToId: contactId,
          message: 'Fine.',
          reportedBy: this.manager,
        },
      ],
      [
        'StatusAssessed',
        {
          subjectId: requirementId,
          subjectType: 'REQUIREMENT',
          projectId,
          title: 'R',
          actualStatus: u % 5 ? 'ON_TRACK' : 'AT_RISK',
          actualPercentComplete: 45,
          note: 'Checked.',
          assessedBy: developer,
        },
      ],
    ]);
  }
}

/** Fills a SQLite log with project 0's history until it holds at least `total` events; returns how many. */
export const writeHistory = async (file: string, total: number): Promise<number> => {
  const store = loadingStore(file);
  try {
    const writer = new HistoryWriter(store);
    await writer.open();
    while (writer.appended < total) await writer.workUnit();
    return writer.appended;
  } finally {
    await store.close();
  }
};
