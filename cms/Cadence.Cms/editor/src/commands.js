// What the toolbar buttons and shortcuts do: each formats the selection (or the block the cursor is in) and
// undoes itself when pressed again, the way a word processor behaves.
import { setBlockType, toggleMark, wrapIn, lift } from "prosemirror-commands";
import { wrapInList, liftListItem } from "prosemirror-schema-list";
import { TextSelection } from "prosemirror-state";

/** The nearest ancestor of the selection of one of the given types, with its depth. */
export function ancestor(state, ...types) {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--)
    if (types.includes($from.node(depth).type)) return { node: $from.node(depth), depth, pos: $from.before(depth) };
  return null;
}

export function markActive(state, type) {
  const { from, $from, to, empty } = state.selection;
  return empty ? !!type.isInSet(state.storedMarks || $from.marks()) : state.doc.rangeHasMark(from, to, type);
}

export const headingActive = (state, level) => {
  const parent = state.selection.$from.parent;
  return parent.type.name === "heading" && parent.attrs.level === level;
};

export const toggleHeading = (schema, level) => (state, dispatch) =>
  headingActive(state, level)
    ? setBlockType(schema.nodes.paragraph)(state, dispatch)
    : setBlockType(schema.nodes.heading, { level })(state, dispatch);

export const listActive = (state, type) => ancestor(state, type.schema.nodes.bullet_list, type.schema.nodes.ordered_list)?.node.type === type;

/** Makes the blocks a list of this kind; turns the other kind of list into this one; or ends the list. */
export const toggleList = (type) => (state, dispatch) => {
  const { bullet_list, ordered_list, list_item } = type.schema.nodes;
  const list = ancestor(state, bullet_list, ordered_list);
  if (!list) return wrapInList(type)(state, dispatch);
  if (list.node.type === type) return liftListItem(list_item)(state, dispatch);
  if (dispatch) dispatch(state.tr.setNodeMarkup(list.pos, type, { tight: list.node.attrs.tight }));
  return true;
};

export const quoteActive = (state) => !!ancestor(state, state.schema.nodes.blockquote);

export const toggleQuote = (state, dispatch) =>
  quoteActive(state) ? lift(state, dispatch) : wrapIn(state.schema.nodes.blockquote)(state, dispatch);

export const toggleBold = (schema) => toggleMark(schema.marks.strong);
export const toggleItalic = (schema) => toggleMark(schema.marks.em);

/** The link the cursor is in (its range and address), or null. */
export function linkAt(state) {
  const type = state.schema.marks.link, { $from } = state.selection;
  const mark = type.isInSet($from.marks()) || ($from.nodeBefore && type.isInSet($from.nodeBefore.marks));
  if (!mark) return null;
  const parent = $from.parent, start = $from.start();
  let from = $from.pos, to = $from.pos;
  parent.forEach((child, offset) => {
    if (!mark.isInSet(child.marks)) return;
    const a = start + offset, b = a + child.nodeSize;
    if (a <= $from.pos && b >= $from.pos) { from = Math.min(from, a); to = Math.max(to, b); }
  });
  // Extend over neighbouring pieces of the same link (text split by bold or italic).
  parent.forEach((child, offset) => {
    const a = start + offset, b = a + child.nodeSize;
    if (mark.isInSet(child.marks) && (b === from || a === to)) { from = Math.min(from, a); to = Math.max(to, b); }
  });
  return { from, to, href: mark.attrs.href, text: state.doc.textBetween(from, to) };
}

/** Links the selection (or the existing link, or new text) to href; an empty href removes the link. */
export const setLink = (href, text) => (state, dispatch) => {
  const type = state.schema.marks.link;
  const existing = linkAt(state);
  let { from, to } = existing && state.selection.empty ? existing : state.selection;
  const tr = state.tr;
  if (from === to && text) {
    tr.insertText(text, from);
    to = from + text.length;
  }
  tr.removeMark(from, to, type);
  if (href) tr.addMark(from, to, type.create({ href }));
  tr.setSelection(TextSelection.create(tr.doc, to)).setStoredMarks([]);
  dispatch?.(tr.scrollIntoView());
  return true;
};

/** A block node (a call to action, a table, an image's paragraph) where the cursor is, splitting the text. */
export const insertBlock = (node) => (state, dispatch) => {
  dispatch?.(state.tr.replaceSelectionWith(node).scrollIntoView());
  return true;
};

export const insertImage = (schema, src, alt) =>
  insertBlock(schema.nodes.paragraph.create(null, schema.nodes.image.create({ src, alt })));

export const insertCallToAction = (schema, key) => insertBlock(schema.nodes.form_directive.create({ key }));

export function insertTable(schema, columns = 3, rows = 2) {
  const { table, table_row, table_header, table_cell } = schema.nodes;
  const row = (cell, texts) => table_row.create(null, texts.map((text) => cell.create(null, text ? schema.text(text) : null)));
  const header = row(table_header, Array.from({ length: columns }, (_, i) => "Column " + (i + 1)));
  const body = Array.from({ length: rows }, () => row(table_cell, Array(columns).fill("")));
  return insertBlock(table.create(null, [header, ...body]));
}
