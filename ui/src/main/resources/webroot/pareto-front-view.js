'use strict';
// The Pareto front of validation error and the search's second objective: the trials no other beats in both, as a
// table and as a stepped plot.
window.AutoCnnParetoFrontView = (() => {
  const { COLOURS, hooks, el, percent, percentTicks, integer } = window.AutoCnnCommon;
  // Counts spread over orders of magnitude and plot on a log scale; latency in milliseconds, often below 1, plots plain.
  const OBJECTIVES = {
    params: { name: 'parameters', format: (v) => integer(v), log: true },
    macs: { name: 'multiply-accumulates per image', format: (v) => integer(v), log: true },
    latency: { name: 'ms per image at batch 1', format: (v) => v.toFixed(3), log: false },
  };

  /** A hidden section; {@code render} fills it from a read of the experiment's pareto-front. */
  function create() {
    const hint = el('p', { class: 'hint' }, '');
    const chart = el('div', { id: 'front-chart' });
    const body = el('tbody', {});
    const valueHeader = el('th', {}, '');
    const section = el('section', { id: 'pareto', hidden: '' }, hint, chart,
      el('table', { id: 'pareto-front' }, el('thead', {}, el('tr', {}, el('th', {}, 'trial'),
        el('th', {}, 'validation error'), valueHeader, el('th', { class: 'text' }, 'architecture'))), body));
    let plot = null;

    function close() {
      if (plot) { plot.destroy(); plot = null; }
    }

    function render(front) {
      const objective = OBJECTIVES[front.objective] || { name: front.objective, format: String, log: false };
      const name = objective.name;
      hint.textContent = `Pareto front: the ${front.trials.length} trial(s) no other beats in both validation `
        + `error and ${name}, the search's second objective.`;
      valueHeader.textContent = name;
      body.replaceChildren(...front.trials.map((trial) => el('tr', { 'data-trial': trial.trial },
        el('td', {}, trial.trial), el('td', {}, percent(trial.validationError)), el('td', {}, objective.format(trial.value)),
        el('td', { class: 'text architecture' }, trial.architecture))));
      hooks.frontTrials = front.trials.map((trial) => trial.trial);
      close();
      if (!front.trials.length || typeof uPlot === 'undefined') return;
      // Ascending in the objective, so the front falls from left to right; a step joins each point to the next.
      const points = [...front.trials].sort((a, b) => a.value - b.value);
      // A log axis only where the values span a factor of ten: its ticks are powers of ten, and a front within one
      // decade showed a single tick.
      const log = objective.log && points[points.length - 1].value >= 10 * Math.max(1, points[0].value);
      hooks.frontLogScale = log;
      plot = new uPlot({
        width: Math.max(400, chart.clientWidth || 800), height: 220,
        series: [{ label: name }, { label: 'validation error', stroke: COLOURS[1], width: 2,
          paths: uPlot.paths.stepped({ align: 1 }), points: { show: true, size: 8 } }],
        scales: { x: { time: false, distr: log ? 3 : 1 } },
        axes: [{ label: log ? `${name} (log scale)` : name }, { values: percentTicks, space: 25 }],
      }, [points.map((p) => (log ? Math.max(1, p.value) : p.value)), points.map((p) => p.validationError)],
      chart);
    }

    return { section, hint, render, close };
  }

  return { create };
})();
