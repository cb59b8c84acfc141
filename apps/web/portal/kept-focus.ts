/**
 * Where the keyboard is in a part of the page about to be drawn anew, so that the new drawing gets
 * it back: the same control, found by its id (a note is `note-<item>`) or else by its kind, class
 * and words (each button names its item), with the caret where it was. A live update about
 * something else then leaves a person typing a note where they were. Returns how to put it back,
 * true once it is back; undefined when the keyboard is not in that part.
 */
export const focusIn = (part: Element): ((drawn: Element) => boolean) | undefined => {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !part.contains(active)) return undefined;
  const typing = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement ? active : undefined;
  // Only fields that hold text have a caret (a checkbox's selectionStart is null).
  const caret =
    typing?.selectionStart == null ? undefined : { start: typing.selectionStart, end: typing.selectionEnd ?? typing.selectionStart };
  const same = (candidate: Element): boolean => candidate.className === active.className && candidate.textContent === active.textContent;
  return (drawn) => {
    const found = active.id ? drawn.querySelector(`#${CSS.escape(active.id)}`) : [...drawn.querySelectorAll(active.tagName)].find(same);
    if (!(found instanceof HTMLElement)) return false;
    found.focus({ preventScroll: true });
    // A control drawn disabled takes no focus: then it is not back.
    if (document.activeElement !== found) return false;
    if (caret && (found instanceof HTMLInputElement || found instanceof HTMLTextAreaElement))
      found.setSelectionRange(caret.start, caret.end);
    return true;
  };
};

/**
 * Which disclosures (`<details>`) of a part about to be drawn anew are open, so the new drawing
 * opens them again: a "Why" someone is reading stays open through news about something else.
 * Each is known by its `data-disclosure` key, which names its item and never its words: "2
 * suspect links" that become 3 are still the same disclosure.
 */
export const openDisclosuresIn = (part: Element): ((drawn: Element) => void) => {
  const keyOf = (details: Element): string | undefined => (details as HTMLElement).dataset.disclosure;
  const open = new Set([...part.querySelectorAll('details[open]')].map(keyOf).filter((key) => key !== undefined));
  return (drawn) => {
    for (const details of drawn.querySelectorAll('details')) {
      const key = keyOf(details);
      if (key !== undefined && open.has(key)) (details as HTMLDetailsElement).open = true;
    }
  };
};
