/**
 * The project list, and the project a page opens with the members that decide its views.
 * Every GraphQL document the page sends lives in documents/: a view names the fields it shows
 * here, so a field the API adds is one line here and one in the view that renders it.
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
export const PROJECT_AND_ROLE = /* GraphQL */ `
  query PortalProject($id: ID!) {
    project(id: $id) {
      id
      name
      customerName
      viewerRole
    }
  }
`;
