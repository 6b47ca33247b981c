'use strict';
// The leaderboard's parallel-coordinates plot: one vertical axis per searched parameter, one line per trial coloured
// by its validation error (best blue, worst red), drawn as SVG. Dragging along an axis brushes a range of it; the
// brushes become the trial listing's `where` filters (the server filters the table) and grey out the lines outside.
// Every value from the service reaches the page as text or as a number in an attribute this file computes.
window.AutoCnnParallelCoordinates = (() => {
  const { percent } = window.AutoCnnCommon;
  const SVG = 'http://www.w3.org/2000/svg';
  const HEIGHT = 300;
  const TOP = 56;
  const BOTTOM = 40;
  const SIDE = 100;
  const MIN_SPACING = 90;
  const ABSENT_GAP = 20;
  const BEST = [0x1f, 0x77, 0xb4];
  const WORST = [0xd6, 0x27, 0x28];

  function svg(tag, attributes, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, String(value));
    if (text != null) node.textContent = String(text);
    return node;
  }

  /** The position of a value on its axis, 0 (bottom) to 1 (top); null when the trial lacks it or it is unknown. */
  function position(axis, value) {
    if (value == null) return null;
    if (axis.kind === 'choices') {
      const index = axis.choices.indexOf(String(value));
      if (index < 0) return null;
      return axis.choices.length === 1 ? 0.5 : index / (axis.choices.length - 1);
    }
    const v = Number(value);
    if (axis.max === axis.min) return 0.5;
    const t = axis.log ? (Math.log(v) - Math.log(axis.min)) / (Math.log(axis.max) - Math.log(axis.min))
      : (v - axis.min) / (axis.max - axis.min);
    return Math.max(0, Math.min(1, t));
  }

  /** The value at a position of a range axis (the inverse of position). */
  function valueAt(axis, t) {
    const v = axis.log ? Math.exp(Math.log(axis.min) + t * (Math.log(axis.max) - Math.log(axis.min)))
      : axis.min + t * (axis.max - axis.min);
    return axis.integer ? v : Number(v.toPrecision(6));
  }

  const formatValue = (axis, v) => (axis.integer ? String(Math.round(v)) : Number(v).toPrecision(3));

  /**
   * A brush (positions lo..hi, 0 to 1) as a filter: the text the listing's `where` takes and a test for a value;
   * null when it holds no value of the axis (a range narrower than one integer, or no choice inside).
   */
  function filterOf(axis, lo, hi) {
    if (axis.kind === 'choices') {
      const inside = axis.choices.filter((c) => { const t = position(axis, c); return t >= lo && t <= hi; });
      if (!inside.length) return null;
      return { key: axis.key, text: `${axis.key}:${inside.join(',')}`, label: inside.join(', '),
        passes: (v) => v != null && inside.includes(String(v)) };
    }
    let min = valueAt(axis, lo);
    let max = valueAt(axis, hi);
    if (axis.integer) { min = Math.ceil(min - 1e-9); max = Math.floor(max + 1e-9); }
    if (min > max) return null;
    return { key: axis.key, text: `${axis.key}:${min}..${max}`,
      label: `${formatValue(axis, min)} – ${formatValue(axis, max)}`,
      passes: (v) => v != null && Number(v) >= min && Number(v) <= max };
  }

  function colour(share) {
    const mix = BEST.map((c, i) => Math.round(c + (WORST[i] - c) * share));
    return `rgb(${mix[0]}, ${mix[1]}, ${mix[2]})`;
  }

  /**
   * Draws {@code view} (the service's parallel-coordinates answer) into {@code container}. {@code brushes} maps an
   * axis key to {lo, hi}; {@code onBrush(brushes, filters)} is called after each drag with the brushes and their
   * filters. Returns the number of lines drawn and how many pass every brush.
   */
  function draw(container, view, brushes, onBrush) {
    const axes = view.axes;
    const width = Math.max(container.clientWidth || 800, 2 * SIDE + MIN_SPACING * Math.max(0, axes.length - 1));
    const plotHeight = HEIGHT - TOP - BOTTOM;
    const xOf = (i) => (axes.length === 1 ? width / 2 : SIDE + i * (width - 2 * SIDE) / (axes.length - 1));
    const yOf = (t) => (t == null ? TOP + plotHeight + ABSENT_GAP : TOP + (1 - t) * plotHeight);
    const root = svg('svg', { width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`, role: 'img',
      'aria-label': 'parallel coordinates of the searched parameters' });
    const filters = new Map();
    for (const axis of axes) {
      const brush = brushes.get(axis.key);
      const filter = brush && filterOf(axis, brush.lo, brush.hi);
      if (filter) filters.set(axis.key, filter);
    }
    const errors = view.trials.map((t) => t.validationError);
    const best = Math.min(...errors);
    const worst = Math.max(...errors);
    const lines = svg('g', { class: 'lines' });
    let passing = 0;
    // Worst first, so the best trials are drawn on top.
    [...view.trials].sort((a, b) => b.validationError - a.validationError).forEach((trial) => {
      const points = axes.map((axis, i) => `${xOf(i).toFixed(1)},${yOf(position(axis, trial.values[axis.key]))
        .toFixed(1)}`);
      const passes = [...filters.entries()].every(([key, f]) => f.passes(trial.values[key]));
      if (passes) passing += 1;
      const share = worst > best ? (trial.validationError - best) / (worst - best) : 0;
      const line = svg('polyline', { points: points.join(' '), fill: 'none', 'stroke-width': passes ? 1.5 : 1,
        stroke: passes ? colour(share) : '#c8ccd2', 'stroke-opacity': passes ? 0.85 : 0.35,
        'data-trial': trial.trial, 'data-passes': passes });
      line.append(svg('title', {}, `trial ${trial.trial}: ${percent(trial.validationError)}`));
      if (passes) lines.append(line); else lines.prepend(line);
    });
    root.append(lines);
    axes.forEach((axis, i) => root.append(axisGroup(axis, i, xOf(i), yOf, plotHeight, brushes, filters, onBrush)));
    container.replaceChildren(root);
    return { lines: view.trials.length, passing, filters: [...filters.values()] };
  }

  function axisGroup(axis, i, x, yOf, plotHeight, brushes, filters, onBrush) {
    const group = svg('g', { class: 'axis', 'data-key': axis.key });
    group.append(svg('line', { x1: x, x2: x, y1: TOP, y2: TOP + plotHeight, stroke: '#1b1f24', 'stroke-width': 1 }));
    group.append(svg('text', { x, y: TOP - 28, 'text-anchor': 'middle', 'font-size': 11, 'font-weight': 600,
      transform: `rotate(-12 ${x} ${TOP - 28})` }, axis.key));
    const ticks = axis.kind === 'choices' ? axis.choices.map((c) => [position(axis, c), c])
      : [[0, formatValue(axis, axis.min)], [1, formatValue(axis, axis.max)]];
    ticks.forEach(([t, label]) => group.append(svg('text', { x: x + 5, y: yOf(t) + 4, 'font-size': 10,
      fill: '#445' }, label)));
    if (axis.conditional) {
      group.append(svg('text', { x: x + 5, y: yOf(null) + 4, 'font-size': 10, fill: '#889' }, 'absent'));
    }
    const brush = brushes.get(axis.key);
    if (brush) {
      group.append(svg('rect', { class: 'brush', x: x - 7, width: 14, y: yOf(brush.hi),
        height: Math.max(1, yOf(brush.lo) - yOf(brush.hi)), fill: '#2a7ae2', 'fill-opacity': 0.25,
        stroke: filters.has(axis.key) ? '#2a7ae2' : '#c62828' }));
    }
    // The hit area for brushing: a transparent band over the axis.
    const hit = svg('rect', { class: 'brush-area', x: x - 12, width: 24, y: TOP, height: plotHeight,
      fill: '#000', 'fill-opacity': 0, cursor: 'ns-resize' });
    hit.addEventListener('mousedown', (down) => {
      down.preventDefault();
      const box = hit.getBoundingClientRect();
      const toPosition = (clientY) => Math.max(0, Math.min(1, 1 - (clientY - box.top) / box.height));
      const start = toPosition(down.clientY);
      const shown = svg('rect', { x: x - 7, width: 14, fill: '#2a7ae2', 'fill-opacity': 0.25, stroke: '#2a7ae2' });
      group.append(shown);
      const move = (event) => {
        const now = toPosition(event.clientY);
        shown.setAttribute('y', yOf(Math.max(start, now)));
        shown.setAttribute('height', Math.max(1, yOf(Math.min(start, now)) - yOf(Math.max(start, now))));
      };
      const up = (event) => {
        window.removeEventListener('mousemove', move);
        window.removeEventListener('mouseup', up);
        const end = toPosition(event.clientY);
        const next = new Map(brushes);
        // A click without a drag clears the axis' brush.
        if (Math.abs(end - start) * plotHeight < 3) next.delete(axis.key);
        else next.set(axis.key, { lo: Math.min(start, end), hi: Math.max(start, end) });
        onBrush(next);
      };
      window.addEventListener('mousemove', move);
      window.addEventListener('mouseup', up);
    });
    group.append(hit);
    return group;
  }

  /** The `where` filters of {@code brushes} over {@code axes}, as the listing takes them. */
  function filtersOf(axes, brushes) {
    return axes.map((axis) => brushes.has(axis.key) && filterOf(axis, brushes.get(axis.key).lo,
      brushes.get(axis.key).hi)).filter(Boolean);
  }

  return { draw, filtersOf, position };
})();
