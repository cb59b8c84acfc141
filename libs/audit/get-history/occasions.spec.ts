import { REPORT_HELD_AGAINST_THE_LAST, REPORT_OCCASIONS, WHOLE_STATEMENTS } from '@cf/reporting';
import { REQUEST_OCCASIONS } from '@cf/requests';
import { changesPerKind } from './changes-per-kind.js';
import { changesPerEvent } from './entity-changes.js';

describe('changesPerEvent with the sessions events happened in', () => {
  const raised = { type: 'RequestRaised', data: { requestId: 'q', title: 'Export', channel: 'DIRECT', sessionId: 's3', at: 't1' } };
  const confirmed = { type: 'RequestConfirmed', data: { requestId: 'q', via: 'SESSION', sessionId: 's5', at: 't2' } };
  const revised = {
    type: 'RequestRevised',
    data: { requestId: 'q', sessionId: 's5', reason: 'Clarified', changes: [{ field: 'title', from: 'Export', to: 'CSV export' }] },
  };
  const rules = { occasions: REQUEST_OCCASIONS };

  it("shows a confirmation's and a revision's session with that event, never as a change of the session the request was raised in", () => {
    const [, confirmation, revision] = changesPerEvent('request', [raised, confirmed, revised], rules);
    expect(confirmation).toEqual([
      { field: 'via', from: null, to: 'SESSION' },
      { field: 'sessionId', from: null, to: 's5' },
    ]);
    // A second confirmation, by the CUSTOMER member, is no change of how the first one came.
    const byMember = { type: 'RequestConfirmed', data: { requestId: 'q', via: 'CUSTOMER_MEMBER', at: 't4' } };
    expect(changesPerEvent('request', [raised, confirmed, byMember], rules)[2]).toEqual([
      { field: 'via', from: null, to: 'CUSTOMER_MEMBER' },
    ]);
    expect(revision).toEqual([
      { field: 'title', from: 'Export', to: 'CSV export' },
      { field: 'sessionId', from: null, to: 's5' },
      { field: 'reason', from: null, to: 'Clarified' },
    ]);
  });
});

describe('changesPerEvent with the reports a subject was reported in', () => {
  const told = (reportId: string, toldPercentComplete: number) => ({
    type: 'StatusReported',
    data: {
      reportId,
      subjectId: 'r',
      title: 'Import',
      toldStatus: 'ON_TRACK',
      toldPercentComplete,
      toldToId: 'ann',
      message: 'Fine',
      at: 't',
    },
  });
  const rules = { occasions: REPORT_OCCASIONS, statements: WHOLE_STATEMENTS, heldAgainstTheLast: REPORT_HELD_AGAINST_THE_LAST };

  it('holds a report against the last one told to the same contact, and an acknowledgement against those of the same report', () => {
    const to = (toldToId: string, reportId: string, toldStatus: string) => ({
      kind: 'status',
      type: 'StatusReported',
      data: { reportId, subjectId: 'r', title: 'Import', toldStatus, toldToId, message: 'Fine', at: 't' },
    });
    const acknowledged = (reportId: string, contactId: string, agrees: boolean) => ({
      kind: 'status',
      type: 'StatusAcknowledged',
      data: { reportId, subjectId: 'r', contactId, agrees, at: 't' },
    });
    const changes = changesPerKind(
      [
        to('bob', 'a', 'ON_TRACK'),
        to('eva', 'b', 'LATE'),
        acknowledged('a', 'bob', false),
        acknowledged('b', 'eva', true),
        to('bob', 'c', 'DONE'),
      ],
      rules,
    );
    expect(changes[3]).toEqual([
      { field: 'reportId', from: null, to: 'b' },
      { field: 'subjectId', from: null, to: 'r' },
      { field: 'contactId', from: null, to: 'eva' },
      { field: 'agrees', from: null, to: 'true' },
    ]);
    expect(changes[4]).toEqual([
      { field: 'reportId', from: null, to: 'c' },
      { field: 'toldStatus', from: 'ON_TRACK', to: 'DONE' },
    ]);
  });

  it("holds an acknowledgement's note against the contact's last one of the report, and shows it taken back", () => {
    const acknowledged = (agrees: boolean, note?: string) => ({
      kind: 'status',
      type: 'StatusAcknowledged',
      data: { reportId: 'a', subjectId: 'r', contactId: 'bob', agrees, ...(note !== undefined ? { note } : {}), at: 't' },
    });
    const changes = changesPerKind(
      [acknowledged(false, 'First reason'), acknowledged(false, 'Second reason'), acknowledged(true), acknowledged(false, 'Worse')],
      rules,
    );
    // Which report each acknowledges is shown with it (an occasion); the note is held against the last.
    const report = { field: 'reportId', from: null, to: 'a' };
    expect(changes.slice(1)).toEqual([
      [report, { field: 'note', from: 'First reason', to: 'Second reason' }],
      [report, { field: 'agrees', from: 'false', to: 'true' }, { field: 'note', from: 'Second reason', to: null }],
      [report, { field: 'agrees', from: 'true', to: 'false' }, { field: 'note', from: null, to: 'Worse' }],
    ]);
  });

  it("shows a second report to the same contact as a report of its own, with what it told beside the first one's", () => {
    const [, second] = changesPerEvent('status', [told('a', 50), told('b', 60)], rules);
    expect(second).toEqual([
      { field: 'reportId', from: null, to: 'b' },
      { field: 'toldPercentComplete', from: '50', to: '60' },
    ]);
  });
});
