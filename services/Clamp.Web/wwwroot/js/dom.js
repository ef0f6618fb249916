// Small DOM helpers. Text from the platform (titles, reasons) is only ever set as text, never parsed as HTML.

/** An element with attributes (a "hidden: true"-style boolean sets or leaves out the attribute) and children (strings become text). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === '') continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

/** Sets a status line's text and kind ("error", "busy", "ok" or none), which the stylesheet colours. */
export function setStatus(node, text, kind = '') {
  node.textContent = text;
  if (kind) node.dataset.kind = kind; else delete node.dataset.kind;
}

/** "a, b ,, c" -> ["a", "b", "c"] */
export function splitList(text) {
  return text.split(',').map((part) => part.trim()).filter((part) => part.length > 0);
}
