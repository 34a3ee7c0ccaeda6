// The document the visual editor edits: exactly what Cadence's Markdown dialect can say, no more, so every
// document serialises back to Markdown without loss. Pasted HTML is read through these parse rules, which is
// what turns a word processor's markup into clean content.
import { Schema } from "prosemirror-model";
import { tableNodes } from "prosemirror-tables";

const safeHref = (href) => href && !/^\s*(javascript|vbscript|data):/i.test(href);

/** @param {(key: string) => string | undefined} formTitle the title of the form with a key, if there is one. */
export function createSchema(formTitle) {
  const tables = tableNodes({
    tableGroup: "block",
    cellContent: "inline*",
    cellAttributes: {
      align: {
        default: null,
        getFromDOM: (dom) => ["left", "center", "right"].find((a) => dom.classList.contains("align-" + a)) ?? null,
        setDOMAttr: (value, attrs) => { if (value) attrs.class = "align-" + value; },
      },
    },
  });

  return new Schema({
    nodes: {
      doc: { content: "block+" },
      paragraph: { content: "inline*", group: "block", parseDOM: [{ tag: "p" }], toDOM: () => ["p", 0] },
      heading: {
        attrs: { level: { default: 2 } },
        content: "inline*", group: "block", defining: true,
        // The post's title is the page's only h1, so a pasted h1 becomes a section heading.
        parseDOM: [1, 2, 3, 4, 5, 6].map((n) => ({ tag: "h" + n, attrs: { level: Math.max(2, n) } })),
        toDOM: (node) => ["h" + node.attrs.level, 0],
      },
      blockquote: { content: "block+", group: "block", defining: true, parseDOM: [{ tag: "blockquote" }], toDOM: () => ["blockquote", 0] },
      horizontal_rule: { group: "block", parseDOM: [{ tag: "hr" }], toDOM: () => ["hr"] },
      code_block: {
        content: "text*", marks: "", group: "block", code: true, defining: true,
        attrs: { params: { default: "" } },
        parseDOM: [{ tag: "pre", preserveWhitespace: "full" }],
        toDOM: () => ["pre", ["code", 0]],
      },
      bullet_list: {
        content: "list_item+", group: "block", attrs: { tight: { default: true } },
        parseDOM: [{ tag: "ul", getAttrs: (dom) => ({ tight: !dom.querySelector("li > p + *") }) }],
        toDOM: (node) => ["ul", { "data-tight": node.attrs.tight ? "true" : null }, 0],
      },
      ordered_list: {
        content: "list_item+", group: "block", attrs: { order: { default: 1 }, tight: { default: true } },
        parseDOM: [{ tag: "ol", getAttrs: (dom) => ({ order: dom.hasAttribute("start") ? +dom.getAttribute("start") || 1 : 1, tight: !dom.querySelector("li > p + *") }) }],
        toDOM: (node) => ["ol", { start: node.attrs.order === 1 ? null : node.attrs.order, "data-tight": node.attrs.tight ? "true" : null }, 0],
      },
      list_item: {
        // checked: null for a plain item, false or true for a task list item ("- [ ] ", "- [x] ").
        content: "paragraph block*", defining: true, attrs: { checked: { default: null } },
        parseDOM: [{ tag: "li", getAttrs: (dom) => ({ checked: dom.hasAttribute("data-checked") ? dom.getAttribute("data-checked") === "true" : null }) }],
        toDOM: (node) => ["li", node.attrs.checked === null ? {} : { "data-checked": String(node.attrs.checked), class: "task" }, 0],
      },
      form_directive: {
        // A call to action: a card naming the form, stored as "::: form KEY".
        group: "block", atom: true, selectable: true, draggable: true,
        attrs: { key: {} },
        parseDOM: [{ tag: "aside[data-form]", getAttrs: (dom) => ({ key: dom.getAttribute("data-form") }) }],
        toDOM: (node) => {
          const title = formTitle(node.attrs.key);
          return ["aside", { class: "cta-card" + (title ? "" : " missing"), "data-form": node.attrs.key, contenteditable: "false" },
            ["span", { class: "cta-card-label" }, "Call to action"],
            ["strong", title ?? "Unknown form: " + node.attrs.key]];
        },
      },
      html_block: {
        // Raw HTML from Markdown is kept exactly as written; it is edited in the Markdown view.
        group: "block", atom: true, attrs: { html: {} },
        toDOM: (node) => ["pre", { class: "raw-html", contenteditable: "false", title: "HTML: edit it in the Markdown view" }, node.attrs.html],
      },
      ...tables,
      text: { group: "inline" },
      html_inline: {
        inline: true, group: "inline", atom: true, attrs: { html: {} },
        toDOM: (node) => ["code", { class: "raw-html", contenteditable: "false" }, node.attrs.html],
      },
      image: {
        inline: true, group: "inline", draggable: true,
        attrs: { src: {}, alt: { default: null }, title: { default: null } },
        parseDOM: [{
          tag: "img[src]",
          // Pictures that live only on the copying computer or inside the page (data:) cannot be published as they are.
          getAttrs: (dom) => /^(data|file|blob|cid):/i.test(dom.getAttribute("src")) ? false
            : { src: dom.getAttribute("src"), alt: dom.getAttribute("alt"), title: dom.getAttribute("title") },
        }],
        toDOM: (node) => ["img", { src: node.attrs.src, alt: node.attrs.alt ?? "", title: node.attrs.title }],
      },
      hard_break: { inline: true, group: "inline", selectable: false, parseDOM: [{ tag: "br" }], toDOM: () => ["br"] },
    },
    marks: {
      link: {
        attrs: { href: {}, title: { default: null } }, inclusive: false,
        parseDOM: [{ tag: "a[href]", getAttrs: (dom) => safeHref(dom.getAttribute("href")) ? { href: dom.getAttribute("href"), title: dom.getAttribute("title") } : false }],
        toDOM: (mark) => ["a", { href: mark.attrs.href, title: mark.attrs.title, rel: "noopener" }, 0],
      },
      em: {
        // Styled spans are turned into <em> and <strong> before parsing (paste.js).
        parseDOM: [{ tag: "i" }, { tag: "em" }],
        toDOM: () => ["em", 0],
      },
      strong: {
        parseDOM: [{ tag: "strong" }, { tag: "b" }],
        toDOM: () => ["strong", 0],
      },
      code: { parseDOM: [{ tag: "code" }], toDOM: () => ["code", 0] },
    },
  });
}
