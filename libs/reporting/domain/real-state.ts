import type { ActualStatus } from './reporting.events.js';

/** How a subject really stands, as of an event: what every report about it is held against. */
export interface RealState {
  subjectId: string;
  actualStatus: ActualStatus;
  actualPercentComplete: number | null;
  at: string;
}

type EventData = Record<string, unknown>;

/** An assessment's real state. */
export const assessedState = (d: EventData): RealState => ({
  subjectId: String(d.subjectId),
  actualStatus: d.actualStatus as ActualStatus,
  actualPercentComplete: typeof d.actualPercentComplete === 'number' ? d.actualPercentComplete : null,
  at: String(d.at),
});

/** A delivery's: DONE at 100 %. */
export const deliveredState = (d: EventData): RealState => ({
  subjectId: String(d.commitmentId),
  actualStatus: 'DONE',
  actualPercentComplete: 100,
  at: String(d.at),
});

/**
 * The real state an event gives a subject: an assessment's; or a delivery's. A delivered
 * commitment is DONE, at 100 %, by the ledger's own record, so an assessment made while the work
 * went on (AT_RISK at 40 %) no longer stands against the customer being told DONE. An assessment
 * after the delivery is the newer word (a delivery found broken), as any later assessment is.
 */
export const realStateGivenBy = (event: { type: string; data: EventData }): RealState | undefined =>
  event.type === 'StatusAssessed'
    ? assessedState(event.data)
    : event.type === 'CommitmentDelivered'
      ? deliveredState(event.data)
      : undefined;
