/**
 * A customer's own view: their requests and the commitments made to them.
 * Every GraphQL document the page sends lives in documents/: a view names the fields it shows
 * here, so a field the API adds is one line here and one in the view that renders it.
 * Operations taken unchanged from the portal's operations.graphql keep their names there.
 */

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
