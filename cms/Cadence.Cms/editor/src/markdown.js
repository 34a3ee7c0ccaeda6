// Reading and writing Cadence's Markdown dialect (CommonMark, GitHub tables, task lists, autolinks, raw HTML
// kept as it is, and the "::: form KEY" call to action), so the stored body stays the format the site renders.
import MarkdownIt from "markdown-it";
import { MarkdownParser, MarkdownSerializer, MarkdownSerializerState, defaultMarkdownSerializer } from "prosemirror-markdown";

// The same test the dialect applies (FormDirectiveParser.ParseKey, Slug.IsValid).
export function directiveKey(line) {
  const text = line.trim();
  if (!text.startsWith(":::")) return null;
  const words = text.slice(3).split(" ").filter((w) => w !== "");
  return words.length === 2 && words[0] === "form" && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(words[1]) && words[1].length <= 80 ? words[1] : null;
}

function formDirectives(md) {
  md.block.ruler.before("fence", "form_directive", (state, line, _end, silent) => {
    if (state.sCount[line] - state.blkIndent >= 4) return false;
    const key = directiveKey(state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]));
    if (!key) return false;
    if (silent) return true;
    const token = state.push("form_directive", "", 0);
    token.meta = { key };
    token.map = [line, line + 1];
    state.line = line + 1;
    return true;
  }, { alt: ["paragraph", "reference", "blockquote", "list"] });
}

// "- [ ] text" and "- [x] text": the box becomes an attribute of the list item, the rest stays its text.
function taskLists(md) {
  md.core.ruler.push("task_lists", (state) => {
    const tokens = state.tokens;
    for (let i = 2; i < tokens.length; i++) {
      const inline = tokens[i], first = inline.children?.[0];
      if (inline.type !== "inline" || tokens[i - 1].type !== "paragraph_open" || tokens[i - 2].type !== "list_item_open") continue;
      const box = first?.type === "text" && /^\[([ xX])\](\s+|$)/.exec(first.content);
      if (!box) continue;
      tokens[i - 2].meta = { checked: box[1] !== " " };
      first.content = first.content.slice(box[0].length);
    }
  });
}

const tokenizer = MarkdownIt("commonmark", { html: true, linkify: true }).enable(["table", "linkify"]).use(formDirectives).use(taskLists);
// Like the dialect's autolinks: only addresses with a scheme (www. ones stay text, and the site links them).
tokenizer.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false }).add("//", null);

const tight = (tokens, i) => {
  while (++i < tokens.length) if (tokens[i].type !== "list_item_open") return tokens[i].hidden;
  return false;
};
const align = (tok) => /text-align:\s*(left|center|right)/.exec(tok.attrGet("style") ?? "")?.[1] ?? null;

export function createParser(schema) {
  return new MarkdownParser(schema, tokenizer, {
    blockquote: { block: "blockquote" },
    paragraph: { block: "paragraph" },
    list_item: { block: "list_item", getAttrs: (tok) => ({ checked: tok.meta?.checked ?? null }) },
    bullet_list: { block: "bullet_list", getAttrs: (_, tokens, i) => ({ tight: tight(tokens, i) }) },
    ordered_list: { block: "ordered_list", getAttrs: (tok, tokens, i) => ({ order: +tok.attrGet("start") || 1, tight: tight(tokens, i) }) },
    heading: { block: "heading", getAttrs: (tok) => ({ level: +tok.tag.slice(1) }) },
    code_block: { block: "code_block", noCloseToken: true },
    fence: { block: "code_block", getAttrs: (tok) => ({ params: tok.info || "" }), noCloseToken: true },
    hr: { node: "horizontal_rule" },
    html_block: { node: "html_block", getAttrs: (tok) => ({ html: tok.content }) },
    html_inline: { node: "html_inline", getAttrs: (tok) => ({ html: tok.content }) },
    form_directive: { node: "form_directive", getAttrs: (tok) => ({ key: tok.meta.key }) },
    table: { block: "table" },
    thead: { ignore: true },
    tbody: { ignore: true },
    tr: { block: "table_row" },
    th: { block: "table_header", getAttrs: (tok) => ({ align: align(tok) }) },
    td: { block: "table_cell", getAttrs: (tok) => ({ align: align(tok) }) },
    image: { node: "image", getAttrs: (tok) => ({ src: tok.attrGet("src"), title: tok.attrGet("title") || null, alt: tok.children?.[0]?.content || null }) },
    hardbreak: { node: "hard_break" },
    em: { mark: "em" },
    strong: { mark: "strong" },
    link: { mark: "link", getAttrs: (tok) => ({ href: tok.attrGet("href"), title: tok.attrGet("title") || null }) },
    code_inline: { mark: "code", noCloseToken: true },
  });
}

const base = defaultMarkdownSerializer.nodes;
const taskBox = (item) => item.attrs.checked === null ? "" : item.attrs.checked ? "[x] " : "[ ] ";

// Two lists of the same kind in a row would merge into one when read back, so the second uses the other marker.
function listMarker(state, node, first, second) {
  const marker = state.closed?.type === node.type && state.lastListMarker === first ? second : first;
  state.lastListMarker = marker;
  return marker;
}

function table(state, node) {
  const cellText = (cell) => {
    const inner = new MarkdownSerializerState(state.nodes, state.marks, state.options);
    inner.renderInline(cell, false);
    return inner.out.replace(/\n/g, " ").replace(/\|/g, "\\|");
  };
  const rows = [];
  node.forEach((row) => { const cells = []; row.forEach((cell) => cells.push(cell)); rows.push(cells); });
  const width = Math.max(...rows.map((r) => r.length));
  const line = (cells) => "| " + Array.from({ length: width }, (_, i) => cells[i] ? cellText(cells[i]) : "").join(" | ") + " |";
  const rule = { left: ":---", center: ":---:", right: "---:" };
  const delimiter = "| " + Array.from({ length: width }, (_, i) => rule[rows[0][i]?.attrs.align] ?? "---").join(" | ") + " |";
  for (const text of [line(rows[0]), delimiter, ...rows.slice(1).map(line)]) {
    state.write(text);
    state.ensureNewLine();
  }
  state.closeBlock(node);
}

export const serializer = new MarkdownSerializer({
  ...base,
  paragraph(state, node) {
    const start = state.out.length;
    state.renderInline(node);
    // Text that would read back as a call to action or a ")" list item stays text.
    if (/^:::|^\d+\)\s/.test(node.textContent) && node.firstChild?.isText)
      state.out = state.out.slice(0, start) + state.out.slice(start).replace(/:::|\)/, "\\$&");
    state.closeBlock(node);
  },
  bullet_list(state, node) {
    const marker = listMarker(state, node, "-", "*");
    state.renderList(node, "  ", (i) => marker + " " + taskBox(node.child(i)));
  },
  ordered_list(state, node) {
    const delimiter = listMarker(state, node, ".", ")");
    const start = node.attrs.order ?? 1;
    const width = String(start + node.childCount - 1).length;
    state.renderList(node, " ".repeat(width + 2), (i) => {
      const number = String(start + i);
      return " ".repeat(width - number.length) + number + delimiter + " " + taskBox(node.child(i));
    });
  },
  image(state, node) {
    const src = node.attrs.src.replace(/[()]/g, "\\$&");
    state.write("![" + state.esc(node.attrs.alt || "") + "](" + (/\s/.test(src) ? "<" + src + ">" : src) +
      (node.attrs.title ? ' "' + node.attrs.title.replace(/"/g, '\\"') + '"' : "") + ")");
  },
  form_directive(state, node) {
    state.write("::: form " + node.attrs.key);
    state.closeBlock(node);
  },
  html_block(state, node) {
    state.text(node.attrs.html.replace(/\n+$/, ""), false);
    state.closeBlock(node);
  },
  html_inline(state, node) {
    state.write(node.attrs.html);
  },
  table,
}, defaultMarkdownSerializer.marks, {
  tightLists: true,
  // Typed "<b>" or "&copy;" means those characters, not markup.
  escapeExtraCharacters: /<(?=[A-Za-z/!?])|&(?=#?[A-Za-z0-9]+;)/g,
});
