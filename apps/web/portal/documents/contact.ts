/**
 * The team's contact views: what customers were told, how requirements moved, who was met, answered and when.
 * Every GraphQL document the page sends lives in documents/: a view names the fields it shows
 * here, so a field the API adds is one line here and one in the view that renders it.
 * Operations taken unchanged from the portal's operations.graphql keep their names there.
 */

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
      disputed
      acknowledgement {
        note
      }
      toldTo {
        name
      }
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
    contacts(projectId: $projectId) {
      forgotten
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
