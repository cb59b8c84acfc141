/**
 * The team's budget and commitment views: the budget, flagged commitments, the approval queue.
 * Every GraphQL document the page sends lives in documents/: a view names the fields it shows
 * here, so a field the API adds is one line here and one in the view that renders it.
 * Operations taken unchanged from the portal's operations.graphql keep their names there.
 */
import { COMMITMENT_ROW } from './commitment-row.js';

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
        promisedBaselineHours
        overrunHours
        outsideRequirementsHours
        exposureHours
      }
    }
  }
`;

/**
 * The flags the dashboard counts, as made (outside the budget: what the organisation fears;
 * without authority) and as they stand today (outside the budget: what needs action; linked to
 * something that changed since: suspect), with the list of every commitment that has any of them.
 */
export const FLAGGED_COMMITMENTS = /* GraphQL */ `
  query PortalFlaggedCommitments($projectId: ID!, $first: Int!, $after: String) {
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
    commitments(projectId: $projectId, filter: { flagged: true }, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
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
  query PortalApprovalQueue($projectId: ID!, $first: Int!, $after: String) {
    commitments(projectId: $projectId, filter: { status: PENDING_APPROVAL }, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          ...PortalCommitmentRow
        }
      }
    }
  }
  ${COMMITMENT_ROW}
`;
