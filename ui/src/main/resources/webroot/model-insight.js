'use strict';
// "What the best model learned", as the lecture drew it: the first convolution's kernels, a test image's feature
// maps through each convolution, and the confusion matrix on the test images. Pictures are canvases filled pixel by
// pixel from the service's numbers (no markup from the service, nothing the page's CSP forbids).
window.AutoCnnModelInsight = (() => {
  const { el, percent } = window.AutoCnnCommon;
  const MAP_PIXELS = 56;

  /** A grey picture of {@code values} (row by row), {@code scale} screen pixels per value, mapped by {@code grey}. */
  function picture(values, width, height, scale, grey, title) {
    const canvas = el('canvas', { width: width * scale, height: height * scale, class: 'insight-picture',
      title: title || '' });
    const context = canvas.getContext('2d');
    const image = context.createImageData(width * scale, height * scale);
    for (let y = 0; y < height * scale; y++) {
      for (let x = 0; x < width * scale; x++) {
        const g = grey(values[Math.floor(y / scale) * width + Math.floor(x / scale)]);
        const at = (y * width * scale + x) * 4;
        image.data[at] = g; image.data[at + 1] = g; image.data[at + 2] = g; image.data[at + 3] = 255;
      }
    }
    context.putImageData(image, 0, 0);
    return canvas;
  }

  /** Zero grey, positive lighter, negative darker, over the largest magnitude of {@code all}. */
  function signedGrey(all) {
    const largest = Math.max(1e-12, ...all.map((v) => Math.abs(v)));
    return (v) => Math.round(128 + 127 * v / largest);
  }

  /** Black at the smallest value of {@code values}, white at the largest. */
  function rangeGrey(values) {
    const low = Math.min(...values);
    const high = Math.max(...values);
    return (v) => (high > low ? Math.round(255 * (v - low) / (high - low)) : 0);
  }

  function kernels(insight) {
    const k = insight.kernels;
    if (!k) return el('p', { class: 'hint' }, 'The model has no convolution.');
    const size = k.height * k.width;
    const all = k.weights.flat();
    const grey = signedGrey(all);
    const scale = Math.max(4, Math.floor(40 / Math.max(k.height, k.width)));
    const pictures = [];
    k.weights.forEach((row, out) => {
      for (let c = 0; c < k.inputChannels; c++) {
        pictures.push(picture(row.slice(c * size, (c + 1) * size), k.width, k.height, scale, grey,
          `kernel ${out}${k.inputChannels > 1 ? `, input channel ${c}` : ''}`));
      }
    });
    return el('div', {}, el('h3', {}, `First-layer kernels (${k.weights.length} of ${k.height}×${k.width}`
      + `${k.inputChannels > 1 ? ` on ${k.inputChannels} channels` : ''}; grey is 0, lighter positive)`),
    el('div', { class: 'insight-row', id: 'kernels' }, ...pictures));
  }

  function imageAndMaps(insight, onImage) {
    const image = insight.image;
    const names = insight.classNames;
    const plane = image.height * image.width;
    const input = el('input', { type: 'number', id: 'insight-image', min: 0, max: insight.testImages - 1,
      value: image.index });
    const show = el('button', { class: 'button', id: 'insight-show', onclick: () => onImage(Number(input.value)) },
      'show');
    const verdict = image.predicted === image.label ? 'right' : 'wrong';
    const rows = [el('div', { class: 'controls' }, el('label', {}, 'Test image # ', input), show,
      el('span', { id: 'insight-prediction', class: `hint ${verdict}` }, `labelled ${names[image.label]}, predicted `
        + `${names[image.predicted]} (${percent(image.probabilities[image.predicted])})`)),
    el('div', { class: 'insight-row' }, picture(image.pixels.slice(0, plane), image.width, image.height,
      Math.max(1, Math.floor(2 * MAP_PIXELS / image.width)), rangeGrey(image.pixels), `test image ${image.index}`))];
    insight.featureMaps.forEach((layer, i) => {
      const scale = Math.max(1, Math.floor(MAP_PIXELS / Math.max(layer.width, layer.height)));
      rows.push(el('h4', {}, `Convolution ${i + 1}: ${layer.maps.length} of its ${layer.channels} maps, `
        + `${layer.height}×${layer.width}`));
      rows.push(el('div', { class: 'insight-row feature-maps', 'data-layer': layer.layer },
        ...layer.maps.map((map, c) => picture(map, layer.width, layer.height, scale, rangeGrey(map), `map ${c}`))));
    });
    return el('div', {}, el('h3', {}, 'A test image through each convolution'), ...rows);
  }

  function confusion(insight) {
    const names = insight.classNames;
    const head = el('tr', {}, el('th', { class: 'text' }, 'actual \\ predicted'), ...names.map((n) => el('th', {}, n)));
    const rows = insight.confusion.map((row, actual) => el('tr', {}, el('th', { class: 'text' }, names[actual]),
      ...row.map((count, predicted) => el('td', { class: actual === predicted ? 'diagonal' : '' }, count))));
    return el('div', {}, el('h3', {}, `Confusion matrix on the ${insight.testImages} test images: test error `
      + `${percent(insight.testError)}`), el('table', { id: 'confusion' }, el('thead', {}, head),
      el('tbody', {}, ...rows)));
  }

  /** Fills {@code container} with the pictures of {@code insight}; {@code onImage(index)} asks for another image. */
  function render(container, insight, onImage) {
    container.replaceChildren(kernels(insight), imageAndMaps(insight, onImage), confusion(insight));
  }

  return { render };
})();
