type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | null | undefined | EventListener>;

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

const assign = (element: Element, attributes: Attributes): void => {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
};

const append = (element: Element, children: Child[]): void => {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
};

/** An element index.html is known to have: a missing one is a broken page, said at once. */
export const byId = (id: string): HTMLElement => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page has no element #${id}`);
  return element;
};

/**
 * Moves the keyboard to the heading of a panel whose control it was on went away, so it stays in
 * the panel instead of falling back to the top of the page. A heading takes focus only from here.
 */
export const focusHeadingOf = (panel: Element | null): void => {
  const heading = panel?.querySelector<HTMLElement>('h2');
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus();
};

/**
 * An HTML element with its attributes and children. Text always goes in as text nodes, never
 * as markup: every name and summary on the page comes from users.
 */
export const h = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] => {
  const element = document.createElement(tag);
  assign(element, attributes);
  append(element, children);
  return element;
};

/** The same for the charts' SVG elements. */
export const s = <K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): SVGElementTagNameMap[K] => {
  const element = document.createElementNS(SVG_NAMESPACE, tag);
  assign(element, attributes);
  append(element, children);
  return element;
};
