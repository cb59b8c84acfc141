import { h } from '../elements.js';

export interface Bar {
  label: string;
  value: number;
  /** The value as the page writes it, shown beside the bar. */
  text: string;
  /** A CSS class of the bar's colour. */
  key?: string;
}

/**
 * Horizontal bars, one per row, scaled to `max` (the largest value when left out). Built of
 * HTML rather than SVG so the text keeps the page's size in a narrow panel; every row says its
 * label and value in text, so the chart reads the same to a screen reader.
 */
export const barChart = (bars: Bar[], label: string, max = Math.max(...bars.map((bar) => bar.value), 0)): HTMLElement =>
  h(
    'ul',
    { class: 'bar-chart', 'aria-label': label },
    ...bars.map((bar) => {
      const fill = h('span', { class: `bar ${bar.key ?? ''}` });
      // Through the CSSOM, not a style attribute, which a strict Content-Security-Policy refuses.
      fill.style.width = `${max > 0 ? (bar.value / max) * 100 : 0}%`;
      return h(
        'li',
        { title: `${bar.label}: ${bar.text}` },
        h('span', { class: 'bar-label' }, bar.label),
        h('span', { class: 'bar-track' }, fill),
        h('span', { class: 'bar-value' }, bar.text),
      );
    }),
  );
