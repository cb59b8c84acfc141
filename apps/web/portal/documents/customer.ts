/**
 * A customer's own view: their requests, the commitments made to them, and what they were told.
 * Every GraphQL document the page sends lives in documents/: a view names the fields it shows
 * here, so a field the API adds is one line here and one in the view that renders it.
 * Operations taken unchanged from the portal's operations.graphql keep their names there.
 */

/**
 * A CUSTOMER's view asks for nothing internal: no flags, reasons, budget, assessments or
 * other people — the API would refuse some of it, and the page does not ask in the first place.
 */
export const CUSTOMER_REQUESTS = /* GraphQL */ `
  query PortalCustomerRequests($projectId: ID!, $first: Int!, $after: String) {
    requests(projectId: $projectId, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
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
  query PortalCustomerCommitments($projectId: ID!, $first: Int!, $after: String) {
    commitments(projectId: $projectId, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
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

/** What the customer was told, and how they answered: only reports to their own contact come back. */
export const STATUS_TOLD = /* GraphQL */ `
  query PortalCustomerStatusReports($projectId: ID!) {
    statusReports(projectId: $projectId) {
      id
      title
      toldStatus
      toldPercentComplete
      toldAt
      message
      acknowledgement {
        agrees
        note
        at
      }
    }
  }
`;

export const ACKNOWLEDGE_STATUS = /* GraphQL */ `
  mutation AcknowledgeStatus($input: AcknowledgeStatusInput!) {
    acknowledgeStatus(input: $input) {
      position
    }
  }
`;
