'use strict';
// Early stopping as the scheduler decided it: ASHA's rungs (epochs, training images, trials reached and promoted,
// the cut-off) and the trials it stopped, with where and at what error.
window.AutoCnnEarlyStoppingView = (() => {
  const { el, percent, integer, epochs } = window.AutoCnnCommon;

  /** A hidden section; {@code render} fills it from a read of the experiment's early-stopping. */
  function create() {
    const hint = el('p', { class: 'hint' }, '');
    const rungBody = el('tbody', {});
    const rungTable = el('table', { id: 'rungs' }, el('thead', {}, el('tr', {}, el('th', {}, 'rung'),
      el('th', {}, 'epochs'), el('th', {}, 'training images'), el('th', {}, 'reached'), el('th', {}, 'promoted'),
      el('th', {}, 'cut-off (worst promoted error)'))), rungBody);
    const stoppedBody = el('tbody', {});
    const section = el('section', { id: 'early-stopping', hidden: '' }, hint, rungTable,
      el('table', { id: 'stopped' }, el('thead', {}, el('tr', {}, el('th', {}, 'trial'), el('th', {}, 'stopped at rung'),
        el('th', {}, 'epochs'), el('th', {}, 'val. error there'), el('th', { class: 'text' }, 'architecture'))),
      stoppedBody));

    function render(decided) {
      const asha = decided.rungs.length > 0;
      hint.textContent = asha
        ? `ASHA: rungs ${decided.eta}x apart; the top 1/${decided.eta} of a rung's trials may go on to the next. `
          + `${integer(decided.stopped.total)} trial(s) pruned.`
        : `${decided.scheduler}: ${integer(decided.stopped.total)} trial(s) stopped early, each at its last epoch.`;
      rungTable.hidden = !asha;
      rungBody.replaceChildren(...decided.rungs.map((rung) => el('tr', { 'data-rung': rung.rung },
        el('td', {}, rung.rung), el('td', {}, epochs(rung.epochs)),
        el('td', {}, `${(rung.trainingShare * 100).toFixed(1)} %`), el('td', {}, integer(rung.reached)),
        el('td', {}, integer(rung.promoted)), el('td', {}, percent(rung.cutOff)))));
      stoppedBody.replaceChildren(...decided.stopped.trials.map((trial) => el('tr', { 'data-trial': trial.trial },
        el('td', {}, trial.trial), el('td', {}, trial.rung == null ? '–' : trial.rung),
        el('td', {}, epochs(trial.epochsTrained)), el('td', {}, percent(trial.validationError)),
        el('td', { class: 'text architecture' }, trial.architecture))));
    }

    return { section, hint, render };
  }

  return { create };
})();
