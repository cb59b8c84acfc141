/** What a budget decision knows of other streams (contacts, requests, requirements, sessions), looked up by its handler. */

export interface ContactFact {
  id: string;
  projectId: string;
  canApproveScope: boolean;
  name: string;
  /** Its personal data erased: nothing new may name it. */
  forgotten?: boolean;
}

export interface RequestFact {
  id: string;
  projectId: string;
  /** Asked or confirmed first-hand by a contact who could approve scope at that time. */
  askedWithAuthority: boolean;
  /** The name of the contact it is attributed to (sealed, as the read models keep it). */
  requesterName?: string;
  /** Who relayed it, when it came through a proxy (sealed too). */
  relayerName?: string;
  /** Withdrawn by its requester: no new commitment may rest on it. */
  withdrawn?: boolean;
}

export interface RequirementFact {
  id: string;
  projectId: string;
  /** Descoped: no new commitment may be linked to it. */
  removed?: boolean;
}

/** A commitment named from outside its budget stream: only which project it belongs to. */
export interface CommitmentFact {
  id: string;
  projectId: string;
}

export interface SessionFact {
  id: string;
  projectId: string;
  /** A voided session did not happen: nothing was promised in it. */
  voided?: boolean;
  /** The contacts who attended it. */
  contactIds: string[];
}
