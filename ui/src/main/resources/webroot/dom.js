'use strict';
// The one element builder the leaderboard's scripts share. Values become text nodes and attributes, never markup.
window.AutoCnnDom = (() => {
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
  return { el };
})();
