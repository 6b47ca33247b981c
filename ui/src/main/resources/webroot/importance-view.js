'use strict';
// Parameter importance: each searched parameter's share of what explains the completed trials' validation error,
// or why it cannot be computed yet.
window.AutoCnnImportanceView = (() => {
  const { el, integer, bar } = window.AutoCnnCommon;

  /** A hidden section; {@code render} fills it from a read of the experiment's parameter-importance. */
  function create() {
    const hint = el('p', { class: 'hint' }, '');
    const body = el('tbody', {});
    const section = el('section', { id: 'importance', hidden: '' }, hint,
      el('table', { id: 'importance-table' }, el('thead', {}, el('tr', {}, el('th', { class: 'text' }, 'parameter'),
        el('th', { class: 'text' }, ''), el('th', {}, 'share of importance'))), body));

    function render(importance) {
      section.hidden = false;
      hint.textContent = importance.method
        ? `Parameter importance, from ${integer(importance.trials)} completed trial(s)${importance.updating
          ? ' (newer figures being computed)' : ''}: ${importance.method}.`
        : `Parameter importance: ${importance.reason} (${integer(importance.completedTrials)} of at least `
          + `${integer(importance.minTrials)} completed trials).`;
      body.replaceChildren(...importance.parameters.map((share) => el('tr', { 'data-parameter': share.parameter },
        el('td', { class: 'text' }, share.parameter),
        el('td', { class: 'text importance-bar' }, bar(share.importance)),
        el('td', {}, `${(share.importance * 100).toFixed(1)} %`))));
    }

    return { section, hint, render };
  }

  return { create };
})();
