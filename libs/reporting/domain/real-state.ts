import type { ActualStatus, StatusSubjectType } from './reporting.events.js';

/** How a subject really stands, as of an event: what every report about it is held against. */
export interface RealState {
  subjectId: string;
  subjectType: StatusSubjectType;
  actualStatus: ActualStatus;
  actualPercentComplete: number | null;
  at: string;
}

type EventData = Record<string, unknown>;

/** An assessment's real state. */
export const assessedState = (d: EventData): RealState => ({
  subjectId: String(d.subjectId),
  subjectType: d.subjectType as StatusSubjectType,
  actualStatus: d.actualStatus as ActualStatus,
  actualPercentComplete: typeof d.actualPercentComplete === 'number' ? d.actualPercentComplete : null,
  at: String(d.at),
});

/** A delivery's: DONE at 100 %. */
const deliveredState = (d: EventData): RealState => ({
  subjectId: String(d.commitmentId),
  subjectType: 'COMMITMENT',
  actualStatus: 'DONE',
  actualPercentComplete: 100,
  at: String(d.at),
});

/** The events that end a subject for good, each with the field that names the subject. */
const ENDINGS: Readonly<Record<string, { field: string; subjectType: StatusSubjectType }>> = {
  CommitmentWithdrawn: { field: 'commitmentId', subjectType: 'COMMITMENT' },
  CommitmentRejected: { field: 'commitmentId', subjectType: 'COMMITMENT' },
  RequestWithdrawn: { field: 'requestId', subjectType: 'REQUEST' },
  RequirementRemoved: { field: 'requirementId', subjectType: 'REQUIREMENT' },
};

/**
 * An end's: DROPPED, by the ledger's own record. A customer told it goes on (ON_TRACK, or even
 * DONE) was told what will not happen until they are told it was dropped.
 */
const endedState = (event: { type: string; data: EventData }): RealState | undefined => {
  const ending = ENDINGS[event.type];
  if (ending === undefined) return undefined;
  return {
    subjectId: String(event.data[ending.field]),
    subjectType: ending.subjectType,
    actualStatus: 'DROPPED',
    actualPercentComplete: null,
    at: String(event.data.at),
  };
};

/**
 * Nothing that ended goes on again, so an assessment recorded after the end (in logs from before
 * such assessments were refused) leaves DROPPED standing.
 */
export const endedForGood = (actualStatus: unknown): boolean => actualStatus === 'DROPPED';

/**
 * The real state an event gives a subject: an assessment's; a delivery's; or an end's. A delivered
 * commitment is DONE, at 100 %, by the ledger's own record, so an assessment made while the work
 * went on (AT_RISK at 40 %) no longer stands against the customer being told DONE. An assessment
 * after the delivery is the newer word (a delivery found broken), as any later assessment is.
 */
export const realStateGivenBy = (event: { type: string; data: EventData }): RealState | undefined =>
  event.type === 'StatusAssessed'
    ? assessedState(event.data)
    : event.type === 'CommitmentDelivered'
      ? deliveredState(event.data)
      : endedState(event);
