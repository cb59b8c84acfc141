/** Events about commitment c1 of project p1, as the reporting projection's specs give them. */
const subject = { subjectId: 'c1', subjectType: 'COMMITMENT', projectId: 'p1', title: 'OCR import' };

/** A report of c1 to contact k1; a percentage only where one is given. */
export const reported = (reportId: string, toldStatus: string, toldPercentComplete?: number) => ({
  stream: 'status-c1',
  type: 'StatusReported',
  data: {
    ...subject,
    reportId,
    toldStatus,
    ...(toldPercentComplete === undefined ? {} : { toldPercentComplete }),
    toldToId: 'k1',
    message: 'As it stands.',
    reportedBy: { userId: 'u-1', name: 'Una' },
    at: '2026-03-06T00:00:00.000Z',
  },
});

export const assessed = (actualStatus: string, actualPercentComplete: number | undefined, at: string) => ({
  stream: 'status-c1',
  type: 'StatusAssessed',
  data: {
    ...subject,
    actualStatus,
    ...(actualPercentComplete === undefined ? {} : { actualPercentComplete }),
    note: 'Checked.',
    assessedBy: { userId: 'u-2', name: 'Jonas' },
    at,
  },
});

/** What ends or delivers c1 in the budget stream, on 5 March. */
export const decided = (type: 'CommitmentDelivered' | 'CommitmentWithdrawn', note: string) => ({
  stream: 'budget-p1',
  type,
  data: { commitmentId: 'c1', projectId: 'p1', note, by: { userId: 'u-2', name: 'Jonas' }, at: '2026-03-05T00:00:00.000Z' },
});
