export interface RequestTimes {
  id: string;
  title: string;
  channel: string;
  status: string;
  raisedAt: string;
  responses: { at: string }[];
}

export interface FirstResponse {
  id: string;
  title: string;
  channel: string;
  /** Hours from raising to the first response, or, with no response yet, hours waited so far. */
  hours: number;
  answered: boolean;
}

const HOUR = 3_600_000;

/**
 * Each request's time to its first response, the way docs/dashboards.md measures the median;
 * an unanswered open request counts how long it has waited. Slowest first: those need a look.
 */
export const firstResponses = (requests: RequestTimes[], now: Date): FirstResponse[] =>
  requests
    .filter((request) => request.responses.length > 0 || request.status === 'OPEN')
    .map((request) => {
      const first = Math.min(...request.responses.map((response) => Date.parse(response.at)));
      const answered = request.responses.length > 0;
      const end = answered ? first : now.getTime();
      return {
        id: request.id,
        title: request.title,
        channel: request.channel,
        hours: Math.max(0, (end - Date.parse(request.raisedAt)) / HOUR),
        answered,
      };
    })
    .sort((a, b) => b.hours - a.hours);
