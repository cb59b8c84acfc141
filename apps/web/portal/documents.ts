/**
 * Every GraphQL document the page sends, in one place: a view names the fields it shows here,
 * so a field the API adds is one line in this file and one in the view that renders it.
 * Operations taken unchanged from the portal's operations.graphql keep their names there.
 */

export const PROJECTS = /* GraphQL */ `
  query Projects($first: Int, $after: String) {
    projects(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          name
          customerName
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

/** The caller's role decides between the team's board and the customer's own view. */
export const PROJECT_MEMBERS = /* GraphQL */ `
  query PortalProject($id: ID!) {
    project(id: $id) {
      id
      name
      customerName
      contactDaysTarget
      members {
        userId
        role
      }
    }
  }
`;

/**
 * Commitments standing inside requirements today promise part of the baseline: their hours
 * split it into promised and not yet promised. Active ones count, so the page adds them up.
 */
export const BUDGET = /* GraphQL */ `
  query PortalBudget($projectId: ID!) {
    project(id: $projectId) {
      budget {
        budgetHours
        baselineHours
        reserveHours
        remainingReserveHours
        overrunHours
        outsideRequirementsHours
        exposureHours
      }
    }
    commitments(projectId: $projectId, first: 500) {
      totalCount
      edges {
        node {
          estimateHours
          status
          current {
            outsideRequirements
          }
        }
      }
    }
  }
`;

const JUDGEMENT = /* GraphQL */ `
  fragment PortalJudgement on CommitmentJudgement {
    outsideBudget
    outsideRequirements
    exceedsBudgetByHours
    madeWithoutAuthority
    requestedWithoutAuthority
    reasons
  }
`;

/** A commitment as the tables show it: judged when made, and standing today. */
const COMMITMENT_ROW = /* GraphQL */ `
  fragment PortalCommitmentRow on Commitment {
    id
    summary
    status
    estimateHours
    dueDate
    madeAt
    revision
    madeBy {
      userId
      name
    }
    madeTo {
      id
      name
      role
    }
    atDecision {
      ...PortalJudgement
    }
    current {
      ...PortalJudgement
    }
  }
  ${JUDGEMENT}
`;

/**
 * Filters of one list are ANDed, so each concern is a list of its own, merged in the view:
 * made outside the budget (what the organisation fears), outside it today (what needs action),
 * made without authority. The dashboard counts them all, as made and as they stand today.
 */
export const FLAGGED_COMMITMENTS = /* GraphQL */ `
  query PortalFlaggedCommitments($projectId: ID!) {
    dashboard(projectId: $projectId) {
      commitments {
        outsideBudget
        hoursOutsideBudget
        madeWithoutAuthority
        currentlyOutsideBudget
        currentHoursOutsideBudget
        awaitingAuthority
        suspect
      }
    }
    outsideBudget: commitments(projectId: $projectId, filter: { outsideBudget: true }, first: 100) {
      edges {
        node {
          ...PortalCommitmentRow
        }
      }
    }
    outsideBudgetToday: commitments(projectId: $projectId, filter: { currentlyOutsideBudget: true }, first: 100) {
      edges {
        node {
          ...PortalCommitmentRow
        }
      }
    }
    withoutAuthority: commitments(projectId: $projectId, filter: { madeWithoutAuthority: true }, first: 100) {
      edges {
        node {
          ...PortalCommitmentRow
        }
      }
    }
  }
  ${COMMITMENT_ROW}
`;

export const APPROVAL_QUEUE = /* GraphQL */ `
  query PortalApprovalQueue($projectId: ID!) {
    commitments(projectId: $projectId, filter: { status: PENDING_APPROVAL }, first: 100) {
      totalCount
      edges {
        node {
          ...PortalCommitmentRow
        }
      }
    }
  }
  ${COMMITMENT_ROW}
`;

export const APPROVE_COMMITMENT = /* GraphQL */ `
  mutation ApproveCommitment($input: DecideCommitmentInput!) {
    approveCommitment(input: $input) {
      position
      commitment {
        id
        status
      }
    }
  }
`;

export const REJECT_COMMITMENT = /* GraphQL */ `
  mutation RejectCommitment($input: DecideCommitmentInput!) {
    rejectCommitment(input: $input) {
      position
      commitment {
        id
        status
      }
    }
  }
`;

export const PERCEPTION_GAPS = /* GraphQL */ `
  query PerceptionGaps($projectId: ID!) {
    perceptionGaps(projectId: $projectId) {
      subjectId
      subjectType
      title
      toldStatus
      toldPercentComplete
      toldAt
      actualStatus
      actualPercentComplete
      assessedAt
    }
  }
`;

export const REQUIREMENT_CHURN = /* GraphQL */ `
  query PortalRequirementChurn($projectId: ID!) {
    dashboard(projectId: $projectId) {
      churn {
        revisionsSinceBaseline
        byTrigger {
          trigger
          count
        }
      }
    }
    requirementChanges(projectId: $projectId, sinceBaseline: true) {
      requirement {
        id
        key
        title
      }
      revision
      at
      reason
      trigger {
        kind
        channel
      }
    }
  }
`;

export const UNCONTACTED_DEPARTMENTS = /* GraphQL */ `
  query PortalUncontactedDepartments($projectId: ID!) {
    dashboard(projectId: $projectId) {
      uncontactedDepartments
    }
  }
`;

/** One aliased contactDays per month (m0 = the earliest), since the field takes one month. */
export const contactDaysDocument = (months: readonly string[]): string => /* GraphQL */ `
  query PortalContactDays($projectId: ID!) {
    dashboard(projectId: $projectId) {
      ${months.map((month, i) => `m${i}: contactDays(month: "${month}") { developer { userId name } days target }`).join('\n      ')}
    }
  }`;

export const FIRST_RESPONSES = /* GraphQL */ `
  query PortalFirstResponses($projectId: ID!) {
    dashboard(projectId: $projectId) {
      requests {
        total
        open
        declineRate
        medianHoursToFirstResponse
        byChannel {
          channel
          count
        }
      }
    }
    requests(projectId: $projectId, first: 100) {
      totalCount
      edges {
        node {
          id
          title
          channel
          status
          raisedAt
          responses {
            at
            stance
          }
        }
      }
    }
  }
`;

/**
 * A CUSTOMER's view asks for nothing internal: no flags, reasons, budget, assessments or
 * other people — the API would refuse some of it, and the page does not ask in the first place.
 */
export const CUSTOMER_REQUESTS = /* GraphQL */ `
  query PortalCustomerRequests($projectId: ID!) {
    requests(projectId: $projectId, first: 100) {
      edges {
        node {
          id
          title
          kind
          status
          raisedAt
          responses {
            stance
            message
            estimateHours
            at
          }
        }
      }
    }
  }
`;

export const CUSTOMER_COMMITMENTS = /* GraphQL */ `
  query PortalCustomerCommitments($projectId: ID!) {
    commitments(projectId: $projectId, first: 100) {
      edges {
        node {
          id
          summary
          status
          estimateHours
          dueDate
          madeAt
        }
      }
    }
  }
`;

export const PROJECT_ACTIVITY = /* GraphQL */ `
  subscription ProjectActivity($projectId: ID!) {
    projectActivity(projectId: $projectId) {
      position
      stream
      type
      occurredAt
      actor {
        name
      }
      summary
    }
  }
`;
