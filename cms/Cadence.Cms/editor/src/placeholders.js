// While a picture uploads, a placeholder marks where it will go. It is a decoration, not content: it never reaches
// the stored Markdown, and it follows the text as the writer keeps typing, so the picture lands where it was put.
import { Plugin, PluginKey, Selection } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";

const key = new PluginKey("upload-placeholders");

export const uploadPlaceholders = () => new Plugin({
  key,
  state: {
    init: () => DecorationSet.empty,
    apply(tr, set) {
      set = set.map(tr.mapping, tr.doc);
      const action = tr.getMeta(key);
      if (action?.add) {
        const widget = document.createElement("span");
        widget.className = "upload-placeholder";
        widget.setAttribute("role", "progressbar");
        widget.setAttribute("aria-label", "Uploading " + action.add.name);
        widget.textContent = "Uploading " + action.add.name + "…";
        set = set.add(tr.doc, [Decoration.widget(action.add.pos, widget, { id: action.add.id })]);
      } else if (action?.remove) {
        set = set.remove(set.find(undefined, undefined, (spec) => spec.id === action.remove));
      }
      return set;
    },
  },
  props: { decorations: (state) => key.getState(state) },
});

export function addPlaceholder(view, id, pos, name) {
  view.dispatch(view.state.tr.setMeta(key, { add: { id, pos, name } }));
}

/**
 * Replaces the placeholder with the picture (a paragraph of its own), or just removes it when node is null.
 * A writer who waited at the placeholder goes on typing below the picture; one who moved on stays where they are.
 */
export function resolvePlaceholder(view, id, node) {
  const found = key.getState(view.state).find(undefined, undefined, (spec) => spec.id === id)[0];
  const tr = view.state.tr.setMeta(key, { remove: id });
  if (found && node) {
    const waited = view.state.selection.empty && view.state.selection.from === found.from;
    tr.replaceRangeWith(found.from, found.from, node);
    if (waited) {
      let after = tr.mapping.map(found.from, 1);
      if (after >= tr.doc.content.size) tr.insert(after = tr.doc.content.size, node.type.create());
      tr.setSelection(Selection.near(tr.doc.resolve(after), 1)).scrollIntoView();
    }
  }
  view.dispatch(tr);
}
