import { h, s } from '../elements.js';

export interface BarSegment {
  /** A CSS class of the segment's colour, the same on its legend swatch. */
  key: string;
  label: string;
  value: number;
  text: string;
}

export interface BarMarker {
  at: number;
  label: string;
}

const WIDTH = 1000;
const BAR_TOP = 4;
const BAR_HEIGHT = 34;

/**
 * The marker's label, in HTML above the bar: text inside the SVG would shrink with it, to about
 * 5 px on a phone. Placed by per cent of the width through the CSSOM, which the page's
 * Content-Security-Policy allows where a style attribute would be refused.
 */
const markerLabel = (marker: BarMarker, share: number): HTMLElement => {
  const label = h('span', { class: 'marker-label' }, marker.label);
  if (share > 0.5) label.style.right = `${(1 - share) * 100}%`;
  else label.style.left = `${share * 100}%`;
  return label;
};

/**
 * One horizontal bar of segments laid end to end, with a marker line across it (the budget).
 * Drawn in SVG with a title per segment; the caller puts the figures beside it in text, since
 * a chart alone says nothing to a screen reader.
 */
export const stackedBar = (segments: BarSegment[], marker: BarMarker, label: string): HTMLElement => {
  const total =
    Math.max(
      marker.at,
      segments.reduce((sum, segment) => sum + segment.value, 0),
    ) || 1;
  const x = (value: number) => (value / total) * WIDTH;
  let start = 0;
  const rects = segments
    .filter((segment) => segment.value > 0)
    .map((segment) => {
      const rect = s(
        'rect',
        { class: `segment ${segment.key}`, x: x(start), y: BAR_TOP, width: x(segment.value), height: BAR_HEIGHT },
        s('title', {}, `${segment.label}: ${segment.text}`),
      );
      start += segment.value;
      return rect;
    });
  const at = x(marker.at);
  return h(
    'div',
    { class: 'stacked-bar' },
    markerLabel(marker, at / WIDTH),
    s(
      'svg',
      { class: 'chart', viewBox: `0 0 ${WIDTH} ${BAR_TOP + BAR_HEIGHT + 6}`, role: 'img', 'aria-label': label },
      ...rects,
      s('line', { class: 'marker', x1: at, x2: at, y1: 0, y2: BAR_TOP + BAR_HEIGHT + 6 }),
    ),
  );
};
