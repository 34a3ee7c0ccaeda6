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

/** Replaces the placeholder with the picture (in a paragraph of its own), or just removes it when node is null. */
export function resolvePlaceholder(view, id, node) {
  const found = key.getState(view.state).find(undefined, undefined, (spec) => spec.id === id)[0];
  const tr = view.state.tr.setMeta(key, { remove: id });
  if (found && node) tr.setSelection(Selection.near(tr.doc.resolve(found.from))).replaceSelectionWith(node).scrollIntoView();
  view.dispatch(tr);
}
