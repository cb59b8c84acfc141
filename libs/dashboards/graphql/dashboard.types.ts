import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ProjectBudget } from '@cf/commitments';
import { UserRef } from '@cf/projects';
import { RequestChannelEnum, type RequestChannel } from '@cf/requests';
import { CHURN_TRIGGERS, type ChurnTrigger } from '../read-model/churn.apply.js';

export const ChurnTriggerEnum = Object.fromEntries(CHURN_TRIGGERS.map((t) => [t, t])) as Record<ChurnTrigger, ChurnTrigger>;
registerEnumType(ChurnTriggerEnum, {
  name: 'ChurnTrigger',
  description:
    'DIRECT = a contact session (it wins over a request named with it) or a DIRECT request; PROXY, WRITTEN = a request of that channel; INTERNAL = neither',
});

@ObjectType({
  description: 'Commitments by status; flags and hours count active ones (not REJECTED nor WITHDRAWN): as made, and as they stand today',
})
export class DashboardCommitments {
  @Field(() => Int) total: number;
  @Field(() => Int) accepted: number;
  @Field(() => Int) pendingApproval: number;
  @Field(() => Int) approved: number;
  @Field(() => Int) delivered: number;
  @Field(() => Int) rejected: number;
  @Field(() => Int) withdrawn: number;
  @Field(() => Int) outsideRequirements: number;
  @Field(() => Int) outsideBudget: number;
  @Field(() => Int) madeWithoutAuthority: number;
  @Field(() => Float, { description: 'Σ exceedsBudgetByHours of active commitments, as made' }) hoursOutsideBudget: number;
  @Field(() => Int, { description: 'Active commitments outside the budget today' }) currentlyOutsideBudget: number;
  @Field(() => Float, { description: "Σ today's exceedsBudgetByHours of active commitments" }) currentHoursOutsideBudget: number;
  @Field(() => Int, {
    description:
      'Active commitments outside requirements today: linking no requirement of the latest baseline (a new baseline may drop one they link)',
  })
  currentlyOutsideRequirements: number;
  @Field(() => Int, { description: "Made without authority and still pending a manager's approval" }) awaitingAuthority: number;
  @Field(() => Int, {
    description: 'Active commitments with a suspect link (a linked requirement revised or removed, a request withdrawn)',
  })
  suspect: number;
}

@ObjectType()
export class ChannelCount {
  @Field(() => RequestChannelEnum) channel: RequestChannel;
  @Field(() => Int) count: number;
}

@ObjectType({ description: 'Where requests come from and how fast the team answers them' })
export class DashboardRequests {
  @Field(() => Int) total: number;
  @Field(() => Int, { description: 'Requests with status OPEN: raised and not answered yet' }) open: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Declined ÷ answered: requests whose latest response is DECLINE, of those with any response; null before any',
  })
  declineRate: number | null;
  @Field(() => Float, { nullable: true, description: 'Median hours from raising a request to its first response; null before any' })
  medianHoursToFirstResponse: number | null;
  @Field(() => [ChannelCount]) byChannel: ChannelCount[];
}

@ObjectType()
export class TriggerCount {
  @Field(() => ChurnTriggerEnum) trigger: ChurnTrigger;
  @Field(() => Int) count: number;
}

@ObjectType({ description: 'Requirement additions, revisions and removals dated after the latest baseline (all of them before one)' })
export class DashboardChurn {
  @Field(() => Int) revisionsSinceBaseline: number;
  @Field(() => [TriggerCount]) byTrigger: TriggerCount[];
}

@ObjectType({ description: "A developer's contact days in a month against the project's target" })
export class DeveloperContactDays {
  @Field(() => UserRef) developer: UserRef;
  @Field(() => Float, { description: 'Days of not voided sessions that fell in the month' }) days: number;
  @Field(() => Float, { description: "The project's target in a month the user was a member, else 0" }) target: number;
  @Field(() => Float, { description: 'target − days when the days fall short, else 0' }) shortfall: number;
}

/** contactDays comes from a field resolver (it takes the month); projectId is for it. */
@ObjectType({ description: "A project's figures, read from summary rows (docs/dashboards.md)" })
export class Dashboard {
  @Field(() => ProjectBudget) budget: ProjectBudget;
  @Field(() => DashboardCommitments) commitments: DashboardCommitments;
  @Field(() => DashboardRequests) requests: DashboardRequests;
  @Field(() => DashboardChurn) churn: DashboardChurn;
  @Field(() => [DeveloperContactDays]) contactDays?: DeveloperContactDays[];
  @Field(() => [String], {
    description:
      'Departments of remembered contacts none of whom attended a contact session; "Claims (ACME)" when two organisations have one of that name',
  })
  uncontactedDepartments: string[];
  @Field(() => Int) perceptionGapCount: number;
  @Field(() => Int, { description: "Events between the store's head and the slowest projection's checkpoint" })
  projectionLag: number;
  projectId: string;
}
