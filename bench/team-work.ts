import { idOfStream, newId } from '@cf/core';
import { MakeCommitmentCommand } from '../libs/commitments/make-commitment/make-commitment.command.js';
import { MakeCommitmentInput } from '../libs/commitments/make-commitment/make-commitment.input.js';
import { ReviseCommitmentCommand } from '../libs/commitments/revise-commitment/revise-commitment.command.js';
import { ReviseCommitmentInput } from '../libs/commitments/revise-commitment/revise-commitment.input.js';
import { LogContactSessionCommand } from '../libs/contacts/log-contact-session/log-contact-session.command.js';
import { LogContactSessionInput } from '../libs/contacts/log-contact-session/log-contact-session.input.js';
import { RegisterContactCommand } from '../libs/contacts/register-contact/register-contact.command.js';
import { RegisterContactInput } from '../libs/contacts/register-contact/register-contact.input.js';
import { AddMemberCommand } from '../libs/projects/add-member/add-member.command.js';
import { AddMemberInput } from '../libs/projects/add-member/add-member.input.js';
import { OpenProjectCommand } from '../libs/projects/open-project/open-project.command.js';
import { OpenProjectInput } from '../libs/projects/open-project/open-project.input.js';
import { RaiseRequestCommand } from '../libs/requests/raise-request/raise-request.command.js';
import { RaiseRequestInput } from '../libs/requests/raise-request/raise-request.input.js';
import { RespondToRequestCommand } from '../libs/requests/respond-to-request/respond-to-request.command.js';
import { RespondToRequestInput } from '../libs/requests/respond-to-request/respond-to-request.input.js';
import { AddRequirementCommand } from '../libs/requirements/add-requirement/add-requirement.command.js';
import { AddRequirementInput } from '../libs/requirements/add-requirement/add-requirement.input.js';
import { ApproveBaselineCommand } from '../libs/commitments/approve-baseline/approve-baseline.command.js';
import { ApproveBaselineInput } from '../libs/commitments/approve-baseline/approve-baseline.input.js';
import type { InProcessPortal } from './in-process-portal.js';

const MANAGER = { userId: 'bench-manager', name: 'Maria Manager' };
const DEVELOPER = { userId: 'bench-developer', name: 'Jonas Developer' };
const CHANNELS = ['WRITTEN', 'PROXY', 'DIRECT'] as const;
const STANCES = ['ACCEPT', 'CLARIFY', 'ESTIMATE', 'DECLINE'] as const;
const REQUIREMENTS = 4;

/** A project as the team set it up: who the customer's people are, its requirements and a visit. */
interface SetUpProject {
  projectId: string;
  decider: string;
  endUser: string;
  proxy: string;
  requirements: string[];
  sessionId: string;
}

/**
 * A team's ordinary work in a few projects, as the portal sends it: each request is raised
 * (in writing, through a proxy or on site), answered, and promised on — mostly within a
 * requirement, sometimes outside, so some commitments wait for approval.
 */
export class TeamWork {
  static readonly COMMANDS_PER_REQUEST = 3;
  private readonly projects: SetUpProject[] = [];
  private request = { id: '', requestedBy: '', unit: 0 };
  private units = 0;
  private lastCommitment = '';

  constructor(private readonly portal: InProcessPortal) {}

  /** Opens `count` projects with members, contacts, requirements, a baseline and a contact session. */
  async setUp(count: number): Promise<void> {
    for (let p = 0; p < count; p++) this.projects.push(await this.openProject(p));
  }

  /** The i-th command of the work: raise, answer, commit, raise, … */
  async command(i: number): Promise<void> {
    const step = i % TeamWork.COMMANDS_PER_REQUEST;
    if (step === 0) await this.raise();
    else if (step === 1) await this.answer();
    else await this.commit();
  }

  /** The i-th command of promising alone: make a commitment, revise it, make the next, … (all on the projects' budget streams). */
  async promise(i: number): Promise<void> {
    const unit = Math.floor(i / 2);
    const p = this.projects[unit % this.projects.length];
    if (i % 2 === 1) {
      await this.portal.send(
        ReviseCommitmentCommand,
        ReviseCommitmentInput,
        { commitmentId: this.lastCommitment, estimateHours: 3 + (unit % 5), reason: 'Estimated again' },
        DEVELOPER,
      );
      return;
    }
    const result = await this.portal.send(
      MakeCommitmentCommand,
      MakeCommitmentInput,
      {
        projectId: p.projectId,
        summary: `Bulk upload (${unit})`,
        madeToId: p.decider,
        requirementIds: unit % 4 === 3 ? [] : [p.requirements[unit % REQUIREMENTS]],
        estimateHours: 2 + (unit % 5),
      },
      DEVELOPER,
    );
    this.lastCommitment = String((await this.portal.eventSourcing.eventAt(result.position))?.data.commitmentId);
  }

  private async raise(): Promise<void> {
    const unit = this.units++;
    const p = this.projects[unit % this.projects.length];
    const channel = CHANNELS[unit % CHANNELS.length];
    const requestedBy = channel === 'WRITTEN' ? p.decider : p.endUser;
    const result = await this.portal.send(
      RaiseRequestCommand,
      RaiseRequestInput,
      {
        projectId: p.projectId,
        title: `Export claims as CSV (${unit})`,
        description: 'The claims team wants every claim of the month in one file.',
        kind: 'FEATURE',
        channel,
        requestedById: requestedBy,
        requirementIds: [p.requirements[unit % REQUIREMENTS]],
        ...(channel === 'PROXY' ? { relayedById: p.proxy } : {}),
        ...(channel === 'DIRECT' ? { sessionId: p.sessionId } : {}),
      },
      DEVELOPER,
    );
    this.request = { id: idOfStream(result.stream), requestedBy, unit };
  }

  private async answer(): Promise<void> {
    const stance = STANCES[this.request.unit % STANCES.length];
    await this.portal.send(
      RespondToRequestCommand,
      RespondToRequestInput,
      {
        requestId: this.request.id,
        stance,
        message: 'Looked into it with the claims team.',
        ...(stance === 'ESTIMATE' ? { estimateHours: 6 } : {}),
      },
      DEVELOPER,
    );
  }

  private async commit(): Promise<void> {
    const { unit } = this.request;
    const p = this.projects[unit % this.projects.length];
    const within = unit % 4 !== 3;
    await this.portal.send(
      MakeCommitmentCommand,
      MakeCommitmentInput,
      {
        projectId: p.projectId,
        summary: `CSV export (${unit})`,
        madeToId: this.request.requestedBy,
        requestIds: [this.request.id],
        requirementIds: within ? [p.requirements[unit % REQUIREMENTS]] : [],
        estimateHours: 2 + (unit % 5),
      },
      DEVELOPER,
    );
  }

  private async openProject(p: number): Promise<SetUpProject> {
    const send = this.portal.send.bind(this.portal);
    const projectId = newId();
    await send(
      OpenProjectCommand,
      OpenProjectInput,
      { id: projectId, name: `Claims portal ${p}`, customerName: 'Northwind', budgetHours: 100_000 },
      MANAGER,
    );
    await send(AddMemberCommand, AddMemberInput, { projectId, ...DEVELOPER, role: 'DEVELOPER' }, MANAGER);
    const contact = async (name: string, role: string, canApproveScope: boolean): Promise<string> =>
      idOfStream(
        (
          await send(
            RegisterContactCommand,
            RegisterContactInput,
            { projectId, name, email: `${name.split(' ')[0].toLowerCase()}@northwind.example`, role, canApproveScope },
            MANAGER,
          )
        ).stream,
      );
    const decider = await contact('Sven Decider', 'DECISION_MAKER', true);
    const endUser = await contact('Erik Enduser', 'END_USER', false);
    const proxy = await contact('Paula Proxy', 'PROXY', false);
    const requirements: string[] = [];
    for (let r = 1; r <= REQUIREMENTS; r++) {
      const added = await send(
        AddRequirementCommand,
        AddRequirementInput,
        { projectId, key: `R${r}`, title: `Requirement ${r}`, text: 'As agreed in the contract.', estimateHours: 400 },
        MANAGER,
      );
      requirements.push(idOfStream(added.stream));
    }
    await send(ApproveBaselineCommand, ApproveBaselineInput, { projectId, name: 'Contract', countersignedById: decider }, MANAGER);
    const session = await send(
      LogContactSessionCommand,
      LogContactSessionInput,
      {
        projectId,
        date: '2026-03-02',
        days: 1,
        kind: 'ON_SITE',
        developerIds: [DEVELOPER.userId],
        contactIds: [endUser],
        notes: 'A day with the claims team.',
      },
      DEVELOPER,
    );
    return { projectId, decider, endUser, proxy, requirements, sessionId: idOfStream(session.stream) };
  }
}
