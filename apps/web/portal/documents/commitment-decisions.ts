/** A manager's decision on a commitment awaiting approval: the approval queue sends these. */
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

/** Where a commitment stands now: asked after a decision whose answer never came back. */
export const COMMITMENT_STATUS = /* GraphQL */ `
  query PortalCommitmentStatus($id: ID!) {
    commitment(id: $id) {
      status
    }
  }
`;
