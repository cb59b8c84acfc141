/** The fields of a commitment every table of commitments shows (commitment-columns.ts), one fragment for all of them. */

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
export const COMMITMENT_ROW = /* GraphQL */ `
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
    coveredBy {
      reason
      countersignedBy {
        name
      }
    }
    endedCovers {
      reason
      endedInRevision
    }
    suspectLinks {
      reason
    }
  }
  ${JUDGEMENT}
`;
