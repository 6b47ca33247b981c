'use strict';
// The experiment's best validation error so far over its time: a stepped plot from the stored history, with the
// points its live events add.
window.AutoCnnBestOverTimeView = (() => {
  const { COLOURS, hooks, el, percentTicks } = window.AutoCnnCommon;

  function create() {
    const chart = el('div', { id: 'best-chart' });
    let points = [];
    let plot = null;

    function close() {
      if (plot) { plot.destroy(); plot = null; }
    }

    function draw() {
      close();
      if (!points.length || typeof uPlot === 'undefined') return;
      const data = [points.map((p) => p.seconds), points.map((p) => p.validationError)];
      plot = new uPlot({
        width: Math.max(400, chart.clientWidth || 800), height: 160,
        series: [{ label: 'seconds' }, { label: 'best validation error', stroke: COLOURS[0], width: 2,
          paths: uPlot.paths.stepped({ align: 1 }), points: { show: true } }],
        scales: { x: { time: false } },
        axes: [{ label: 'seconds since the start' },
          { values: percentTicks, space: 25 }],
      }, data, chart);
      hooks.bestPoints = points.length;
    }

    /** A live epoch's error, drawn when it beats the best so far. */
    function add(seconds, trial, error) {
      const last = points[points.length - 1];
      if (last && error >= last.validationError) return;
      points.push({ seconds, trial, validationError: error });
      draw();
    }

    /** Merges the stored history (read after the table, without delaying it) with points seen live meanwhile. */
    function merge(stored) {
      const all = [...stored, ...points].sort((a, b) => a.seconds - b.seconds);
      points = [];
      all.forEach((p) => {
        const last = points[points.length - 1];
        if (!last || p.validationError < last.validationError) points.push(p);
      });
      draw();
    }

    return { chart, add, merge, close };
  }

  return { create };
})();
