'use strict';
// The leaderboard's compare view: several experiments side by side (their best-so-far curves over their own time
// and their best trials' learning curves), with the hand-built LeNet-5 trained on the same data as a reference.
window.AutoCnnCompare = (() => {
  const {
    FRONT_MILLIS, COLOURS, hooks, el, getJson, percent, percentTicks, integer, experimentPath,
  } = window.AutoCnnCommon;
  /** The name the service gives a LeNet-5 reference experiment (POST …/lenet5-reference). */
  const REFERENCE_PREFIX = 'LeNet-5 reference for ';

  /** Shows the comparison of experiments {@code ids} in {@code app}; returns the view, to close when leaving. */
  function open(app, ids) {
    const state = { closed: false, timer: null, plots: [] };
    const hint = el('p', { class: 'hint' }, 'loading…');
    const bestChart = el('div', { id: 'compare-best' });
    const curveChart = el('div', { id: 'compare-curves' });
    const body = el('tbody', {});
    const message = el('p', { id: 'reference-message', class: 'hint' }, '');
    const reference = el('button', { class: 'button', id: 'train-reference', onclick: trainReference },
      'train LeNet-5 on the first one\'s data');
    document.title = 'AutoCNN · compare';
    app.replaceChildren(el('h1', {}, 'Compare experiments'),
      el('section', {}, hint, el('table', { id: 'compared' }, el('thead', {}, el('tr', {},
        ...['experiment', 'status', 'trials', 'best val. error', 'best trial', 'its test error']
          .map((h, i) => el('th', { class: i < 2 ? 'text' : '' }, h)))), body),
      el('div', { class: 'controls' }, reference, message)),
      el('section', {}, el('p', { class: 'hint' }, 'Best validation error so far, over each experiment\'s own '
        + 'time (LeNet-5 references dashed):'), bestChart),
      el('section', {}, el('p', { class: 'hint' }, 'Validation error per epoch of each experiment\'s best trial:'),
        curveChart));

    /** One experiment: its view, its best-so-far points and its best trial's epochs. */
    async function read(id) {
      const experiment = await getJson(experimentPath(id));
      const [best, trial] = await Promise.all([getJson(`${experimentPath(id)}/best-over-time`),
        experiment.progress.bestTrial == null ? null
          : getJson(`${experimentPath(id)}/trials/${experiment.progress.bestTrial}`)]);
      return { experiment, points: best.points, trial };
    }

    function overlay(target, height, xLabel, rows, stepped) {
      const tables = rows.map((r) => [r.xs, r.ys]);
      const data = uPlot.join(tables);
      const series = [{ label: xLabel }, ...rows.map((r, i) => ({ label: r.label, stroke: COLOURS[i % COLOURS.length],
        width: 2, dash: r.reference ? [8, 5] : undefined, spanGaps: true, points: { show: true },
        paths: stepped ? uPlot.paths.stepped({ align: 1 }) : undefined }))];
      state.plots.push(new uPlot({ width: Math.max(400, target.clientWidth || 800), height, series,
        scales: { x: { time: false } }, axes: [{ label: xLabel }, { values: percentTicks, space: 25 }] },
      data, target));
    }

    async function load() {
      state.timer = null;
      try {
        const experiments = await Promise.all(ids.map(read));
        if (state.closed) return;
        state.plots.forEach((plot) => plot.destroy());
        state.plots = [];
        body.replaceChildren(...experiments.map(({ experiment, trial }) => el('tr', { 'data-id': experiment.id },
          el('td', { class: 'text' }, el('a', { href: `#/experiments/${encodeURIComponent(experiment.id)}` },
            experiment.name)),
          el('td', { class: 'text' }, experiment.status), el('td', {}, integer(experiment.progress.trials)),
          el('td', {}, percent(experiment.progress.bestValidationError)),
          el('td', {}, experiment.progress.bestTrial == null ? '–' : experiment.progress.bestTrial),
          el('td', {}, percent(trial ? trial.testError : null)))));
        const label = (experiment) => `${experiment.name} (${experiment.id})`;
        const withPoints = experiments.filter((r) => r.points.length);
        if (withPoints.length && typeof uPlot !== 'undefined') {
          overlay(bestChart, 220, 'seconds since the start', withPoints.map(({ experiment, points }) => ({
            label: label(experiment), reference: experiment.name.startsWith(REFERENCE_PREFIX),
            xs: points.map((p) => p.seconds), ys: points.map((p) => p.validationError) })), true);
        }
        const withCurves = experiments.filter((r) => r.trial && r.trial.epochs.length);
        if (withCurves.length && typeof uPlot !== 'undefined') {
          overlay(curveChart, 260, 'epoch', withCurves.map(({ experiment, trial }) => ({
            label: `${label(experiment)}, trial ${trial.trial}`,
            reference: experiment.name.startsWith(REFERENCE_PREFIX),
            xs: trial.epochs.map((e) => e.epoch), ys: trial.epochs.map((e) => e.validationError) })), false);
        }
        hooks.compared = experiments.map(({ experiment, points, trial }) => ({ id: experiment.id,
          bestPoints: points.length, curvePoints: trial ? trial.epochs.length : 0 }));
        const running = experiments.some(({ experiment }) => experiment.status === 'running');
        hint.textContent = `${ids.length} experiments${running ? ', re-read every few seconds while any runs' : ''}.`;
        if (running) state.timer = setTimeout(load, FRONT_MILLIS);
      } catch (error) {
        hint.textContent = error.message;
      }
    }

    /** Starts a LeNet-5 on the first experiment's data and adds it to the comparison. */
    async function trainReference() {
      try {
        const response = await fetch(`${experimentPath(ids[0])}/lenet5-reference`, { method: 'POST' });
        const answer = await response.json();
        if (!response.ok) {
          message.textContent = `The service refused (${response.status}): ${answer.detail || answer.title}`;
          message.className = 'error';
          return;
        }
        location.hash = `#/compare/${[...ids, answer.id].map(encodeURIComponent).join(',')}`;
      } catch (error) {
        message.textContent = error.message;
      }
    }

    load();
    return {
      close() {
        state.closed = true;
        clearTimeout(state.timer);
        state.plots.forEach((plot) => plot.destroy());
      },
    };
  }

  return { open };
})();
