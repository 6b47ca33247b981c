'use strict';
// The AutoCNN leaderboard. Every value from the service reaches the page as text (textContent, text nodes,
// attributes this file builds): never as HTML.
(() => {
  const {
    API, FRONT_MILLIS, COLOURS, hooks, el, getJson, percent, percentTicks, integer, experimentPath, epochs, bar,
  } = window.AutoCnnCommon;
  const PAGE_SIZE = 50;
  /** While events stream in, the visible page is re-read at most this often (the rows on it update at once). */
  const REFRESH_MILLIS = 400;
  const STATES = ['running', 'paused', 'completed', 'pruned', 'failed', 'cancelled', 'timed_out', 'pending'];
  const ENDED = new Set(['paused', 'completed', 'pruned', 'failed', 'cancelled', 'timed_out']);
  const app = document.getElementById('app');
  const connection = document.getElementById('connection');

  function duration(seconds) {
    if (seconds == null) return '–';
    if (seconds < 60) return `${seconds.toFixed(1)} s`;
    const minutes = Math.floor(seconds / 60);
    return minutes < 60 ? `${minutes} min ${Math.round(seconds % 60)} s`
      : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  }
  function stateText(trial) {
    if (trial.state !== 'failed') return trial.state;
    const cause = trial.failureCause ? ` (${trial.failureCause.toLowerCase()})` : '';
    return `failed${cause}${trial.message ? `: ${trial.message}` : ''}`;
  }

  // ---- the list of experiments ----

  async function showExperiments() {
    document.title = 'AutoCNN · experiments';
    connection.textContent = '';
    app.replaceChildren(el('h1', {}, 'Experiments'), el('p', { class: 'hint' }, 'loading…'));
    try {
      const { experiments } = await getJson(`${API}/experiments`);
      const chosen = new Set();
      const compare = el('button', { class: 'button', id: 'compare-selected', disabled: '',
        onclick: () => { location.hash = `#/compare/${[...chosen].map(encodeURIComponent).join(',')}`; } },
      'compare selected');
      const choose = (id) => el('input', { type: 'checkbox', 'data-id': id, 'aria-label': `compare ${id}`,
        onchange: (event) => {
          if (event.target.checked) chosen.add(id); else chosen.delete(id);
          compare.disabled = chosen.size < 2;
        } });
      const rows = experiments.map((e) => el('tr', {}, el('td', { class: 'text' }, choose(e.id)),
        el('td', { class: 'text' }, el('a', { href: `#/experiments/${encodeURIComponent(e.id)}` }, e.name)),
        el('td', { class: 'text' }, e.id), el('td', { class: 'text' }, e.status),
        el('td', {}, integer(e.progress.trials)), el('td', {}, integer(e.progress.completed)),
        el('td', {}, integer(e.progress.running)), el('td', {}, percent(e.progress.bestValidationError)),
        el('td', { class: 'text' }, new Date(e.createdAt).toLocaleString())));
      const head = el('tr', {}, ...['', 'name', 'id', 'status', 'trials', 'completed', 'running', 'best val. error',
        'created'].map((h, i) => el('th', { class: i < 4 || i === 8 ? 'text' : '' }, h)));
      app.replaceChildren(el('h1', {}, 'Experiments'), el('section', {},
        rows.length ? el('div', {}, el('div', { class: 'controls' }, compare, el('span', { class: 'hint' },
          'Tick two or more to overlay their best-so-far and learning curves.')),
        el('table', { id: 'experiments' }, el('thead', {}, head), el('tbody', {}, ...rows)))
          : el('p', { class: 'hint' }, 'No experiments yet: POST one to /api/v1/experiments.')));
    } catch (error) {
      app.replaceChildren(el('h1', {}, 'Experiments'), el('p', { class: 'error' }, error.message));
    }
  }

  // ---- one experiment ----

  const COLUMNS = [
    { title: '#', sort: null, cell: (t, rank) => rank },
    { title: 'trial', sort: 'trial', cell: (t) => t.trial },
    { title: 'architecture', sort: null, text: true, cls: 'architecture', cell: (t) => t.architecture },
    { title: 'parameters', sort: 'parameters', cell: (t) => integer(t.parameterCount) },
    { title: 'batch', sort: null, cell: (t) => t.spec.training.batchSize },
    { title: 'learning rate', sort: null, cell: (t) => t.spec.training.learningRate.toPrecision(2) },
    { title: 'epochs', sort: 'epochs', cell: (t) => epochs(t.epochsTrained) },
    { title: 'val. error', sort: 'validation_error', key: 'validation', cell: (t) => percent(t.validationError) },
    { title: 'test error', sort: 'test_error', key: 'test', cell: (t) => percent(t.testError) },
    { title: 'state', sort: null, text: true, key: 'state', cell: (t) => stateText(t) },
    { title: 'duration', sort: 'seconds', cell: (t) => duration(t.seconds) },
  ];
  // Shown only for an experiment that measures them (a latency or memory constraint, or latency as its objective).
  const LATENCY_COLUMN = { title: 'ms / image', sort: null, key: 'latency',
    cell: (t) => (t.latency ? t.latency.msPerImage.toFixed(3) : '–') };
  const MEMORY_COLUMN = { title: 'training MB', sort: null, key: 'training-memory',
    cell: (t) => (t.trainingBytes == null ? '–' : integer(Math.round(t.trainingBytes / 1048576))) };

  /** The table's columns for an experiment of this definition: the measured figures only where it measures them. */
  function columnsFor(definition) {
    const constraints = (definition.space || {}).constraints || {};
    const latency = definition.secondObjective === 'latency' || constraints.maxLatencyMs != null;
    return [...COLUMNS, ...(latency ? [LATENCY_COLUMN] : []),
      ...(constraints.maxTrainingMemoryMb != null ? [MEMORY_COLUMN] : [])];
  }

  function openExperiment(id) {
    const view = {
      query: { sort: 'validation_error', order: 'asc', state: '', offset: 0, where: [] },
      lastSequence: 0, source: null, closed: false, refreshTimer: null, refreshing: false, refreshAgain: false,
      lastRefresh: 0, rows: new Map(), curves: new Map(), plot: null, refreshes: 0, applied: 0,
      createdAt: 0, columns: COLUMNS, parallel: null, brushes: new Map(), insight: null,
    };
    // What the tests read of the views: never a previous experiment's.
    hooks.insight = null;
    hooks.parallelLines = null;
    hooks.parallelPassing = null;
    hooks.frontLogScale = null;
    const title = el('h1', {}, '');
    const status = el('span', { class: 'status' }, '');
    const progress = el('div', { class: 'progress' });
    const budgetBar = el('div', {});
    const tbody = el('tbody', {});
    const summary = el('span', { class: 'hint' }, '');
    const stateFilter = el('select', { id: 'state-filter', onchange: () => {
      view.query.state = stateFilter.value; view.query.offset = 0; refreshNow();
    } }, el('option', { value: '' }, 'all states'), ...STATES.map((s) => el('option', { value: s }, s)));
    const previous = el('button', { class: 'button', id: 'previous-page', onclick: () => {
      view.query.offset = Math.max(0, view.query.offset - PAGE_SIZE); refreshNow();
    } }, '← previous');
    const next = el('button', { class: 'button', id: 'next-page', onclick: () => {
      view.query.offset += PAGE_SIZE; refreshNow();
    } }, 'next →');
    const headerRow = el('tr', {});
    let headers = [];
    const headerOf = (column) => {
      const th = el('th', { class: `${column.text ? 'text' : ''} ${column.sort ? 'sortable' : ''}` }, column.title);
      if (column.sort) {
        th.dataset.sort = column.sort;
        th.addEventListener('click', () => {
          const same = view.query.sort === column.sort;
          view.query.order = same && view.query.order === 'asc' ? 'desc' : 'asc';
          view.query.sort = column.sort;
          view.query.offset = 0;
          refreshNow();
        });
      }
      return th;
    };
    function setColumns(columns) {
      view.columns = columns;
      headers = columns.map(headerOf);
      headerRow.replaceChildren(...headers);
    }
    setColumns(COLUMNS);
    const finalDownload = el('a', { class: 'button', id: 'download-final', href: `${experimentPath(id)}/final-model`,
      download: '', hidden: '' }, 'Download final model');
    const chart = el('div', { id: 'chart' });
    const best = AutoCnnBestOverTimeView.create();
    const chartHint = el('p', { class: 'hint' }, 'Click trials in the table to draw their learning curves '
      + '(validation error solid, training error dashed).');
    const frontView = AutoCnnParetoFrontView.create();
    const stoppingView = AutoCnnEarlyStoppingView.create();
    const parallelHint = el('p', { class: 'hint' }, '');
    const parallelChart = el('div', { id: 'parallel-chart' });
    const filterText = el('span', { id: 'filters', class: 'hint' }, '');
    const clearFilters = el('button', { class: 'button', id: 'clear-filters', hidden: '',
      onclick: () => brushed(new Map()) }, 'clear filters');
    const parallelSection = el('section', { id: 'parallel', hidden: '' }, parallelHint,
      el('div', { class: 'controls' }, filterText, clearFilters), parallelChart);
    const insightHint = el('p', { class: 'hint' }, '');
    const insightBody = el('div', { id: 'insight-body' });
    const insightLoad = el('button', { class: 'button', id: 'insight-load', onclick: () => loadInsight(0) },
      'look inside the best model so far');
    const insightSection = el('section', { id: 'insight', hidden: '' }, el('h2', {}, 'What the best model learned'),
      insightHint, insightLoad, insightBody);
    const importanceView = AutoCnnImportanceView.create();
    app.replaceChildren(
      el('div', {}, title, status),
      el('section', { id: 'progress' }, progress, budgetBar,
        el('p', { class: 'hint' }, 'Best validation error so far, over the experiment\'s time:'), best.chart),
      el('section', {},
        el('div', { class: 'controls' }, stateFilter, previous, next, summary,
          el('a', { class: 'button', id: 'download-best', href: `${experimentPath(id)}/best-model`, download: '' },
            'Download best model'), finalDownload),
        el('table', { id: 'leaderboard' }, el('thead', {}, headerRow), tbody)),
      el('section', { id: 'curves' }, chartHint, chart), parallelSection, importanceView.section, frontView.section,
      stoppingView.section, insightSection);

    function renderExperiment(experiment) {
      title.textContent = experiment.name;
      document.title = `AutoCNN · ${experiment.name}`;
      status.textContent = experiment.status;
      const p = experiment.progress;
      const budget = experiment.definition.budget || {};
      const figure = (value, label, key) => el('div', { class: 'figure', 'data-key': key }, el('b', {}, value),
        el('span', {}, label));
      progress.replaceChildren(
        figure(integer(p.completed), 'completed', 'completed'), figure(integer(p.running), 'running', 'running'),
        figure(integer(p.paused), 'paused', 'paused'), figure(integer(p.pruned), 'pruned', 'pruned'),
        figure(integer(p.failed), 'failed', 'failed'),
        figure(`${integer(p.trials)} of ${integer(budget.maxTrials)}`, 'trials of the budget', 'budget'),
        figure(budget.maxWallTimeSeconds ? duration(budget.maxWallTimeSeconds) : '–', 'wall-clock limit', 'wall'),
        figure(p.bestTrial == null ? '–' : `${percent(p.bestValidationError)} (trial ${p.bestTrial})`,
          'best so far (validation error)', 'best'),
        ...constraintFigures((experiment.definition.space || {}).constraints, figure),
        ...(experiment.finalModel ? [figure(`${percent(experiment.finalModel.testAccuracy)} (trial `
          + `${experiment.finalModel.trial})`, 'final model, test accuracy', 'final')] : []));
      finalDownload.hidden = !experiment.finalModel;
      const columns = columnsFor(experiment.definition);
      if (columns.length !== view.columns.length) setColumns(columns);
      const objective = experiment.definition.secondObjective;
      if (objective && objective !== 'none') {
        frontView.section.hidden = false;
        front.update(experiment.status === 'running');
      }
      parallel.update(experiment.status === 'running');
      importance.update(experiment.status === 'running');
      showInsight(experiment);
      // FIFO stops nothing early: no section for it.
      if (experiment.definition.scheduler && experiment.definition.scheduler !== 'fifo') {
        stoppingView.section.hidden = false;
        stopping.update(experiment.status === 'running');
      }
      const used = budget.maxTrials ? Math.min(1, p.trials / budget.maxTrials) : 0;
      budgetBar.replaceChildren(bar(used));
    }

    /** The space's declared limits, one figure each; none when it declares none. */
    function constraintFigures(constraints, figure) {
      if (!constraints) return [];
      const figures = [];
      if (constraints.maxParameters != null) {
        figures.push(figure(`≤ ${integer(constraints.maxParameters)}`, 'parameters allowed', 'max-parameters'));
      }
      if (constraints.maxMacs != null) {
        figures.push(figure(`≤ ${integer(constraints.maxMacs)}`, 'multiply-accumulates per image allowed',
          'max-macs'));
      }
      if (constraints.maxLatencyMs != null) {
        figures.push(figure(`≤ ${constraints.maxLatencyMs} ms`, 'per image at batch 1, measured here',
          'max-latency'));
      }
      if (constraints.maxTrainingMemoryMb != null) {
        figures.push(figure(`≤ ${integer(constraints.maxTrainingMemoryMb)} MB`, 'to train, by DL4J\'s estimate',
          'max-training-memory'));
      }
      return figures;
    }

    function renderTrials(page) {
      view.rows.clear();
      const rows = page.trials.map((trial, i) => {
        const tr = el('tr', { 'data-trial': trial.trial, class: view.curves.has(trial.trial) ? 'selected' : '' });
        view.columns.forEach((column) => {
          const td = el('td', { class: `${column.text ? 'text' : ''} ${column.cls || ''}` },
            column.cell(trial, view.query.offset + i + 1));
          if (column.key) td.dataset.key = column.key;
          if (column.key === 'state') td.classList.add(`state-${trial.state}`);
          tr.append(td);
        });
        tr.addEventListener('click', () => toggleCurve(trial.trial));
        view.rows.set(trial.trial, tr);
        return tr;
      });
      tbody.replaceChildren(...rows);
      const last = Math.min(page.total, view.query.offset + page.trials.length);
      summary.textContent = page.total ? `${view.query.offset + 1}–${last} of ${integer(page.total)}` : 'no trials';
      previous.disabled = view.query.offset === 0;
      next.disabled = last >= page.total;
      headers.forEach((th) => {
        th.classList.toggle('sorted', th.dataset.sort === view.query.sort);
        th.classList.toggle('desc', th.dataset.sort === view.query.sort && view.query.order === 'desc');
      });
    }

    function trialsPath() {
      const q = view.query;
      const params = new URLSearchParams({ sort: q.sort, order: q.order, offset: q.offset, limit: PAGE_SIZE });
      if (q.state) params.set('state', q.state);
      q.where.forEach((filter) => params.append('where', filter));
      return `${experimentPath(id)}/trials?${params}`;
    }

    async function refresh() {
      view.refreshTimer = null;
      if (view.refreshing) { view.refreshAgain = true; return; }
      view.refreshing = true;
      view.lastRefresh = Date.now();
      try {
        const [experiment, page] = await Promise.all([getJson(experimentPath(id)), getJson(trialsPath())]);
        if (view.closed) return;
        renderExperiment(experiment);
        renderTrials(page);
        view.refreshes += 1;
      } catch (error) {
        summary.textContent = error.message;
      } finally {
        view.refreshing = false;
        if (view.refreshAgain) { view.refreshAgain = false; scheduleRefresh(); }
      }
    }
    function refreshNow() { clearTimeout(view.refreshTimer); view.refreshTimer = null; refresh(); }
    function scheduleRefresh() {
      if (view.refreshTimer || view.closed) return;
      const wait = Math.max(0, view.lastRefresh + REFRESH_MILLIS - Date.now());
      view.refreshTimer = setTimeout(refresh, wait);
    }

    // ---- live events: applied to the rows on screen at once; the ranking follows with the next page read ----

    function setCell(tr, key, text, state) {
      const td = tr.querySelector(`td[data-key="${key}"]`);
      if (!td) return;
      td.textContent = text;
      if (state) td.className = `text state-${state}`;
    }

    function applyToRow(event) {
      const tr = view.rows.get(event.trial);
      if (!tr) return;
      const p = event.payload;
      if (event.type === 'started') setCell(tr, 'state', 'running', 'running');
      if (event.type === 'epoch') {
        setCell(tr, 'validation', percent(p.validationError));
        if (p.testError != null) setCell(tr, 'test', percent(p.testError));
      }
      if (ENDED.has(event.type)) {
        setCell(tr, 'state', stateText({ state: event.type, failureCause: p.failureCause, message: p.message }),
          event.type);
      }
    }

    function onEvent(message) {
      const event = JSON.parse(message.data);
      if (event.sequence <= view.lastSequence) return; // already in the snapshot or seen before a reconnect
      view.lastSequence = event.sequence;
      view.applied += 1;
      if (hooks.received.size > 10000) hooks.received.clear();
      hooks.received.set(event.sequence, Date.now());
      applyToRow(event);
      if (event.type === 'epoch') {
        best.add((Date.now() - view.createdAt) / 1000, event.trial, event.payload.validationError);
      }
      if (event.type === 'epoch' && view.curves.has(event.trial)) {
        const points = view.curves.get(event.trial).filter((e) => e.epoch < event.payload.epoch);
        points.push(event.payload);
        view.curves.set(event.trial, points);
        drawCurves();
      }
      scheduleRefresh();
    }

    function connect() {
      const source = new EventSource(`${experimentPath(id)}/events?after=${view.lastSequence}`);
      source.addEventListener('trial', onEvent);
      source.onopen = () => { connection.textContent = 'live'; };
      source.onerror = () => { connection.textContent = 'reconnecting…'; };
      view.source = source;
    }

    // ---- learning curves ----

    async function toggleCurve(trial) {
      if (view.curves.has(trial)) {
        view.curves.delete(trial);
      } else {
        view.curves.set(trial, []);
        try {
          const detail = await getJson(`${experimentPath(id)}/trials/${trial}`);
          if (view.curves.has(trial)) view.curves.set(trial, detail.epochs);
        } catch (error) {
          chartHint.textContent = error.message;
        }
      }
      view.rows.forEach((tr, index) => tr.classList.toggle('selected', view.curves.has(index)));
      drawCurves();
    }

    function drawCurves() {
      if (view.plot) { view.plot.destroy(); view.plot = null; }
      if (!view.curves.size || typeof uPlot === 'undefined') return;
      const trials = [...view.curves.keys()];
      const xs = [...new Set(trials.flatMap((t) => view.curves.get(t).map((e) => e.epoch)))].sort((a, b) => a - b);
      const data = [xs];
      const series = [{ label: 'epoch' }];
      trials.forEach((trial, i) => {
        const byEpoch = new Map(view.curves.get(trial).map((e) => [e.epoch, e]));
        const colour = COLOURS[i % COLOURS.length];
        data.push(xs.map((x) => (byEpoch.has(x) ? byEpoch.get(x).validationError : null)));
        data.push(xs.map((x) => (byEpoch.has(x) ? byEpoch.get(x).trainError : null)));
        series.push({ label: `trial ${trial} validation`, stroke: colour, width: 2, spanGaps: true,
          points: { show: true } });
        series.push({ label: `trial ${trial} training`, stroke: colour, width: 1, dash: [6, 4], spanGaps: true });
      });
      view.plot = new uPlot({
        width: Math.max(400, chart.clientWidth || 800), height: 300, series,
        scales: { x: { time: false } },
        axes: [{ label: 'epoch' }, { label: 'error', values: percentTicks, space: 25 }],
      }, data, chart);
      hooks.chartPoints = data.slice(1).reduce((n, s) => n + s.filter((v) => v != null).length, 0);
    }

    /**
     * A section read from {@code path} at most every FRONT_MILLIS while the experiment runs and once more after it
     * has ended (then it changes no more); {@code update} is called with every read of the experiment.
     */
    function periodicSection(path, render, hint) {
      const state = { timer: null, last: 0, ended: false };
      async function load() {
        state.last = Date.now();
        let again = false;
        try {
          const body = await getJson(`${experimentPath(id)}/${path}`);
          if (!view.closed) render(body);
          // The service is still computing newer figures (parameter importance): read again for them.
          again = body.updating === true;
        } catch (error) {
          hint.textContent = error.message;
        } finally {
          state.timer = again && !view.closed ? setTimeout(load, FRONT_MILLIS) : null;
        }
      }
      return {
        update(running) {
          if (!state.ended && !state.timer && !view.closed) {
            state.timer = setTimeout(load, Math.max(0, state.last + FRONT_MILLIS - Date.now()));
          }
          state.ended = !running;
        },
        close() { clearTimeout(state.timer); },
      };
    }


    async function load() {
      try {
        // The sequence first: the pages read after it are at least as new, and later events apply on top.
        const experiment = await getJson(experimentPath(id));
        view.lastSequence = experiment.lastSequence;
        view.createdAt = Date.parse(experiment.createdAt);
        // The parameter views are read beside the table, not after it.
        parallel.update(experiment.status === 'running');
        importance.update(experiment.status === 'running');
        await refresh();
        if (!view.closed) connect();
        // Reading the history scans the experiment's events: it must not hold up the table.
        getJson(`${experimentPath(id)}/best-over-time`).then((history) => {
          if (!view.closed) best.merge(history.points);
        }).catch(() => {});
      } catch (error) {
        app.replaceChildren(el('h1', {}, 'Experiment'), el('p', { class: 'error' }, error.message));
      }
    }

    const front = periodicSection('pareto-front', frontView.render, frontView.hint);
    const parallel = periodicSection('parallel-coordinates?limit=500', renderParallel, parallelHint);
    const importance = periodicSection('parameter-importance', importanceView.render, importanceView.hint);
    const stopping = periodicSection('early-stopping', stoppingView.render, stoppingView.hint);

    // ---- parallel coordinates, whose brushed axes filter the table on the server ----

    function renderParallel(body) {
      view.parallel = body;
      parallelSection.hidden = body.axes.length === 0;
      drawParallel();
    }

    function drawParallel() {
      const body = view.parallel;
      if (!body || !body.axes.length) return;
      const drawn = AutoCnnParallelCoordinates.draw(parallelChart, body, view.brushes, brushed);
      parallelHint.textContent = `Parallel coordinates: ${integer(drawn.lines)} of ${integer(body.total)} completed `
        + 'trial(s), spread over the ranking, coloured by validation error (blue best, red worst). Drag along an '
        + 'axis to filter the table; click an axis to clear its filter.';
      filterText.textContent = drawn.filters.length
        ? `Table filtered by ${drawn.filters.map((f) => `${f.key} ${f.label}`).join('; ')} — `
          + `${integer(drawn.passing)} of the lines drawn pass.` : 'No filter.';
      clearFilters.hidden = drawn.filters.length === 0;
      hooks.parallelLines = drawn.lines;
      hooks.parallelPassing = drawn.passing;
    }

    /** New brushes: the table is read again with their filters, from its first page. */
    function brushed(brushes) {
      view.brushes = brushes;
      view.query.where = view.parallel ? AutoCnnParallelCoordinates.filtersOf(view.parallel.axes, brushes)
        .map((f) => f.text) : [];
      view.query.offset = 0;
      drawParallel();
      refreshNow();
    }

    // ---- what the best model learned: read once the experiment has ended, or on request while it runs ----

    function showInsight(experiment) {
      if (experiment.progress.bestTrial == null) return;
      insightSection.hidden = false;
      const ended = experiment.status !== 'running';
      insightLoad.hidden = ended;
      if (ended && view.insight == null) loadInsight(0);
    }

    async function loadInsight(image) {
      view.insight = image;
      insightHint.textContent = 'reading the best model…';
      try {
        const insight = await getJson(`${experimentPath(id)}/best-model/insight?image=${encodeURIComponent(image)}`);
        if (view.closed) return;
        insightHint.textContent = `Trial ${insight.trial}, the best so far (${insight.architecture}).`;
        AutoCnnModelInsight.render(insightBody, insight, loadInsight);
        hooks.insight = { trial: insight.trial, image: insight.image.index,
          kernels: document.querySelectorAll('#kernels canvas').length,
          maps: insight.featureMaps.map((layer) => layer.maps.length) };
      } catch (error) {
        insightHint.textContent = error.message;
      }
    }

    hooks.lastSequence = () => view.lastSequence;
    hooks.applied = () => view.applied;
    hooks.refreshes = () => view.refreshes;
    hooks.selectTrial = (trial) => toggleCurve(trial);
    hooks.tableWhere = () => [...view.query.where];
    /** Closes the event stream as a network drop would, and reconnects from the last event seen. */
    hooks.dropStream = () => { view.source.close(); connection.textContent = 'reconnecting…'; connect(); };
    load();
    return {
      close() {
        view.closed = true;
        clearTimeout(view.refreshTimer);
        if (view.source) view.source.close();
        if (view.plot) view.plot.destroy();
        best.close();
        front.close();
        stopping.close();
        parallel.close();
        importance.close();
        frontView.close();
      },
    };
  }

  let current = null;
  function route() {
    if (current) { current.close(); current = null; }
    const match = location.hash.match(/^#\/experiments\/([^/]+)$/);
    const compare = location.hash.match(/^#\/compare\/([^/]+)$/);
    if (match) current = openExperiment(decodeURIComponent(match[1]));
    else if (compare) {
      current = AutoCnnCompare.open(app, compare[1].split(',').filter(Boolean).map(decodeURIComponent));
    }
    else showExperiments();
  }
  function start() {
    window.addEventListener('hashchange', route);
    // A page left for another keeps its event stream open while the browser holds it in its back-forward cache,
    // and browsers allow six connections to a host: the seventh page opened after six such visits waited for a
    // minute. Close it on leaving; a page shown again from that cache opens its view anew.
    window.addEventListener('pagehide', () => { if (current) { current.close(); current = null; } });
    window.addEventListener('pageshow', (event) => { if (event.persisted) route(); });
    route();
  }
  AutoCnnSignIn.needed().then((needed) => (needed ? AutoCnnSignIn.show(app, start) : start()), start);
})();
