'use strict';
// What the leaderboard's scripts share: the element builder (values become text nodes and attributes, never
// markup), reading the API, number formats, the palette, and the hooks the browser tests read.
window.AutoCnnCommon = (() => {
  const API = '/api/v1';
  /** Sections that re-read a whole view (a front, a sample of trials) do it at most this often. */
  const FRONT_MILLIS = 5000;
  const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2'];
  const hooks = { received: new Map() };
  // What the browser tests and the push-latency benchmark read, exposed only on a page opened with ?test-hooks.
  if (new URLSearchParams(window.location.search).has('test-hooks')) window.__autocnn = hooks;

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (name === 'class') node.className = value;
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value);
    }
    for (const child of children) {
      node.append(child instanceof Node ? child : document.createTextNode(child == null ? '' : String(child)));
    }
    return node;
  }

  async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return response.json();
  }

  const percent = (value) => (value == null ? '–' : `${(value * 100).toFixed(2)} %`);
  // Axis labels as percentages with as many decimals as the ticks' spacing needs: with whole percents only, ticks
  // 0.5 points apart read alike, and a narrow range of errors showed a single label.
  const percentTicks = (u, ticks) => {
    const step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) * 100 : 1;
    const decimals = step > 0 ? Math.min(4, Math.max(0, Math.ceil(-Math.log10(step) - 1e-9))) : 0;
    return ticks.map((v) => `${(v * 100).toFixed(decimals)} %`);
  };
  hooks.percentTicks = (ticks) => percentTicks(null, ticks);
  const integer = (value) => (value == null ? '–' : Number(value).toLocaleString('en-US'));
  const experimentPath = (id) => `${API}/experiments/${encodeURIComponent(id)}`;
  const epochs = (value) => (value == null ? '–' : String(Math.round(value * 100) / 100));
  /** A bar filled to {@code share} (0 to 1). */
  function bar(share) {
    const filled = el('div', {});
    filled.style.width = `${(share * 100).toFixed(1)}%`; // through the CSSOM: the page's CSP refuses style attributes
    return el('div', { class: 'bar' }, filled);
  }

  return {
    API, FRONT_MILLIS, COLOURS, hooks, el, getJson, percent, percentTicks, integer, experimentPath, epochs, bar,
  };
})();
