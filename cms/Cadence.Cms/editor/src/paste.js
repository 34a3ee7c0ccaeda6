// Pasted HTML is tidied before the editor's parse rules (schema.js) reduce it to clean content:
// - Formatting that word processors and Google Docs express as style attributes becomes <strong> and <em>.
//   (The parse rules cannot read styles: the manager's CSP refuses inline styles, so element.style stays empty;
//   the attribute's text is still there to read.)
// - Google Docs wraps everything in <b style="font-weight:normal">, which is not bold.
// - Word pastes lists as paragraphs with a typed bullet ("·", "1.") in a marker span; they become real lists.
export function cleanPastedHtml(html) {
  const doc = new DOMParser().parseFromString(html, "text/html");
  for (const element of [...doc.body.querySelectorAll("[style]")]) {
    const style = element.getAttribute("style").toLowerCase().replace(/\s+/g, "");
    const weight = /font-weight:([a-z0-9]+)/.exec(style)?.[1];
    if (/^(b|strong)$/i.test(element.tagName) && (weight === "normal" || weight === "400")) unwrap(element);
    else {
      if (weight && /^(bold|bolder|[6-9]00)$/.test(weight)) wrapContent(element, "strong");
      if (/font-style:italic/.test(style)) wrapContent(element, "em");
    }
  }
  if (/mso-list/i.test(html)) wordLists(doc);
  return doc.body.innerHTML;
}

function unwrap(element) {
  element.replaceWith(...element.childNodes);
}

function wrapContent(element, tag) {
  const wrapper = element.ownerDocument.createElement(tag);
  wrapper.append(...element.childNodes);
  element.append(wrapper);
}

function wordLists(doc) {
  let list = null;
  for (const paragraph of [...doc.body.querySelectorAll("p")]) {
    const level = /mso-list:\s*l\d+\s+level\d+/i.exec(paragraph.getAttribute("style") ?? "");
    if (!level) { list = null; continue; }
    const marker = [...paragraph.querySelectorAll("[style]")].find((e) => /mso-list:\s*ignore/i.test(e.getAttribute("style")));
    const numbered = /^\s*[\da-z]+[.)]/i.test(marker?.textContent ?? "");
    marker?.remove();
    if (!list || paragraph.previousElementSibling !== list || (list.tagName === "OL") !== numbered) {
      list = doc.createElement(numbered ? "ol" : "ul");
      paragraph.before(list);
    }
    const item = doc.createElement("li");
    item.append(...paragraph.childNodes);
    list.append(item);
    paragraph.remove();
  }
}
