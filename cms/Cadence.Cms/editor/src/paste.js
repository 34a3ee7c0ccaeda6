// Word processors paste lists as paragraphs with a typed bullet ("·", "1.") in a marker span. These become
// real lists before the editor's parse rules (schema.js) reduce the rest of the markup to clean content.
export function cleanPastedHtml(html) {
  if (!/mso-list/i.test(html)) return html;
  const doc = new DOMParser().parseFromString(html, "text/html");
  let list = null;
  for (const paragraph of [...doc.body.querySelectorAll("p")]) {
    const level = /mso-list:\s*l\d+\s+level(\d+)/i.exec(paragraph.getAttribute("style") ?? "");
    if (!level) { list = null; continue; }
    const marker = paragraph.querySelector("[style*='mso-list:Ignore' i], [style*='mso-list: Ignore' i]");
    const numbered = /^\s*[\da-z]+[.)]/i.test(marker?.textContent ?? "");
    marker?.remove();
    const previous = paragraph.previousElementSibling;
    if (!list || previous !== list || (list.tagName === "OL") !== numbered) {
      list = doc.createElement(numbered ? "ol" : "ul");
      paragraph.before(list);
    }
    const item = doc.createElement("li");
    item.append(...paragraph.childNodes);
    list.append(item);
    paragraph.remove();
  }
  return doc.body.innerHTML;
}
