import type { ViewContext } from '../board.js';
import { DecisionKeys } from '../decision-keys.js';
import { focusHeadingOf, h } from '../elements.js';

/**
 * What a view of choices keeps across re-renders of its board: the notes typed but not yet sent,
 * by item id, the keys of choices sent but not yet answered, and one live region for the outcome
 * of choices, moved into each render so it is announced. `view` names whose they are.
 */
export const choicesKept = (context: ViewContext, view: string) => ({
  notes: context.kept(`${view}-notes`, () => new Map<string, string>()),
  keys: context.kept(`${view}-keys`, () => new DecisionKeys()),
  status: context.kept(`${view}-status`, () => h('p', { class: 'decision-status', role: 'status' })),
});

/** One of the two answers a person gives about an item: approve or reject, agree or dispute. */
export interface Choice {
  label: string;
  /** `approve` or `reject`: how the button looks. */
  kind: 'approve' | 'reject';
  /** Sends the choice and shows its outcome; settles once that is done. */
  choose(): Promise<void>;
}

/**
 * Where a keyboard goes once a decided item left its list (a re-render removed it): to the note of
 * the item that took its place, else of the last one left, else to the panel's heading, so focus
 * never falls back to the top of the page in the middle of a queue.
 */
const focusInPlaceOf = (panel: Element, place: number): void => {
  const notes = [...panel.querySelectorAll<HTMLInputElement>('.decision input')];
  const next = notes[Math.min(place, notes.length - 1)];
  if (next) next.focus();
  else focusHeadingOf(panel);
};

/**
 * A note and two buttons for one item of a list (a promise to decide, a report to answer). Every
 * item has the same controls, so hidden words name the item in each label; the note typed is kept
 * in `notes` under the item's id, so it survives a re-render when other news arrives. While a
 * choice is on its way both buttons are disabled: a double click sends it once, not a second
 * time to be refused as already decided. Disabled by `aria-disabled`, not `disabled`: a disabled
 * button drops the keyboard's focus to the top of the page, and a choice that fails leaves the
 * person where they were, to try again.
 */
export const noteAndChoice = (
  item: { id: string; name: string },
  notes: Map<string, string>,
  [first, second]: readonly [Choice, Choice],
): HTMLElement => {
  const id = `note-${item.id}`;
  const which = () => h('span', { class: 'visually-hidden' }, ` “${item.name}”`);
  const buttons: HTMLButtonElement[] = [];
  const send = async (choice: Choice): Promise<void> => {
    if (buttons.some((button) => button.hasAttribute('aria-disabled'))) return;
    const panel = decision.closest('.panel');
    const place = panel ? [...panel.querySelectorAll('.decision')].indexOf(decision) : -1;
    for (const button of buttons) button.setAttribute('aria-disabled', 'true');
    try {
      await choice.choose();
    } finally {
      for (const button of buttons) button.removeAttribute('aria-disabled');
    }
    if (panel && !decision.isConnected) focusInPlaceOf(panel, place);
  };
  const button = (choice: Choice) => {
    // An id of its own, as the note has: two items of the same name would otherwise look alike to focusIn.
    const element = h(
      'button',
      { id: `${choice.kind}-${item.id}`, type: 'button', class: choice.kind, onclick: () => void send(choice) },
      choice.label,
      which(),
    );
    buttons.push(element);
    return element;
  };
  const decision = h(
    'div',
    { class: 'decision' },
    h('label', { for: id }, 'Note', which()),
    h('input', {
      id,
      type: 'text',
      value: notes.get(item.id) ?? '',
      oninput: (event: Event) => notes.set(item.id, (event.target as HTMLInputElement).value),
    }),
    button(first),
    button(second),
  );
  return decision;
};
