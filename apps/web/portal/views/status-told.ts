import type { View, ViewContext } from '../board.js';
import { ACKNOWLEDGE_STATUS, STATUS_TOLD } from '../documents/customer.js';
import { h } from '../elements.js';
import { dateOf, percent, words } from '../figures.js';
import { choicesKept, noteAndChoice } from './note-and-choice.js';

interface ToldReport {
  id: string;
  title: string;
  toldStatus: string;
  toldPercentComplete: number | null;
  toldAt: string;
  message: string;
  acknowledgement: { agrees: boolean; note: string | null; at: string } | null;
}

const answer = async (context: ViewContext, report: ToldReport, agrees: boolean, status: HTMLElement): Promise<void> => {
  const { notes, keys } = choicesKept(context, 'told');
  const note = notes.get(report.id)?.trim() || null;
  status.textContent = `Sending your answer on “${report.title}”…`;
  const decision = JSON.stringify([report.id, agrees, note]);
  try {
    await context.client.request(ACKNOWLEDGE_STATUS, {
      input: { reportId: report.id, agrees, note, idempotencyKey: keys.keyOf(decision) },
    });
    keys.answered(decision);
    notes.delete(report.id);
    status.textContent = `${agrees ? 'You agreed with' : 'You disputed'} “${report.title}”.`;
    await context.refresh();
  } catch (error) {
    // Answered already, in another tab or by an answer that did not come back: said so, not as a failure.
    const given = await answerOnRecord(context, report.id);
    if (given && given.agrees === agrees && given.note === note) {
      keys.answered(decision);
      notes.delete(report.id);
      status.textContent = `You had already ${agrees ? 'agreed with' : 'disputed'} “${report.title}” on ${dateOf(given.at)}; nothing was sent twice.`;
    } else status.textContent = `Could not send your answer on “${report.title}”: ${(error as Error).message}`;
    // What the API holds now, for a tab that showed an older answer.
    if (given !== undefined) await context.refresh();
  }
};

/** The customer's answer to a report as the API holds it now: null for none, undefined when it cannot be read. */
const answerOnRecord = async (context: ViewContext, reportId: string): Promise<ToldReport['acknowledgement'] | undefined> => {
  try {
    const { statusReports } = await context.client.request<{ statusReports: ToldReport[] }>(STATUS_TOLD, { projectId: context.projectId });
    return statusReports.find((told) => told.id === reportId)?.acknowledgement ?? null;
  } catch {
    return undefined;
  }
};

const answered = ({ acknowledgement: given }: ToldReport): string =>
  given === null
    ? 'You have not answered yet.'
    : `You ${given.agrees ? 'agreed' : 'disputed it'} on ${dateOf(given.at)}${given.note ? `: ${given.note}` : '.'}`;

const answerControls = (context: ViewContext, report: ToldReport, status: HTMLElement): HTMLElement =>
  noteAndChoice({ id: report.id, name: report.title }, choicesKept(context, 'told').notes, [
    { label: 'Agree', kind: 'approve', choose: () => answer(context, report, true, status) },
    { label: 'Dispute', kind: 'reject', choose: () => answer(context, report, false, status) },
  ]);

/** What the team told the customer about each piece of work, and the customer's answer: agree or dispute. */
export const statusToldView: View<{ statusReports: ToldReport[] }> = {
  id: 'status-told',
  title: 'What you were told',
  wide: true,
  load: ({ client, projectId }) => client.request(STATUS_TOLD, { projectId }),
  render: ({ statusReports }, context) => {
    const { status } = choicesKept(context, 'told');
    if (statusReports.length === 0) return h('div', {}, status, h('p', { class: 'quiet' }, 'No status has been reported to you yet.'));
    return h(
      'div',
      {},
      status,
      h(
        'ul',
        { class: 'requests' },
        ...statusReports.map((report) =>
          h(
            'li',
            { 'data-report': report.id },
            h('h3', {}, report.title),
            h(
              'p',
              {},
              `Told on ${dateOf(report.toldAt)}: ${words(report.toldStatus)}${report.toldPercentComplete === null ? '' : `, ${percent(report.toldPercentComplete)}`} — ${report.message}`,
            ),
            h('p', { class: 'quiet' }, answered(report)),
            answerControls(context, report, status),
          ),
        ),
      ),
    );
  },
};
