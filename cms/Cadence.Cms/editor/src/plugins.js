// Keyboard shortcuts, typing shortcuts and the editing plugins the visual editor runs with.
import { keymap } from "prosemirror-keymap";
import { history, undo, redo } from "prosemirror-history";
import { baseKeymap, chainCommands, exitCode } from "prosemirror-commands";
import { splitListItem, liftListItem, sinkListItem } from "prosemirror-schema-list";
import { inputRules, wrappingInputRule, textblockTypeInputRule, undoInputRule, smartQuotes, ellipsis, emDash } from "prosemirror-inputrules";
import { dropCursor } from "prosemirror-dropcursor";
import { gapCursor } from "prosemirror-gapcursor";
import { tableEditing, goToNextCell } from "prosemirror-tables";
import { toggleBold, toggleItalic, toggleHeading, toggleList, toggleQuote } from "./commands.js";

// Those who know Markdown can keep typing it: "## " starts a heading, "- " a list, "> " a quote.
function typingShortcuts(schema) {
  return inputRules({
    rules: [
      textblockTypeInputRule(/^(#{2,4})\s$/, schema.nodes.heading, (match) => ({ level: match[1].length })),
      wrappingInputRule(/^\s*([-+*])\s$/, schema.nodes.bullet_list),
      wrappingInputRule(/^(\d+)\.\s$/, schema.nodes.ordered_list, (match) => ({ order: +match[1] }),
        (match, node) => node.childCount + node.attrs.order === +match[1]),
      wrappingInputRule(/^\s*>\s$/, schema.nodes.blockquote),
      textblockTypeInputRule(/^```$/, schema.nodes.code_block),
      ...smartQuotes, ellipsis, emDash,
    ],
  });
}

/** @param {() => void} openLink asks for a link address (Ctrl+K). */
export function editorPlugins(schema, openLink) {
  const { list_item, hard_break } = schema.nodes;
  const breakLine = chainCommands(exitCode, (state, dispatch) => {
    dispatch?.(state.tr.replaceSelectionWith(hard_break.create()).scrollIntoView());
    return true;
  });
  return [
    typingShortcuts(schema),
    keymap({
      "Mod-z": undo, "Shift-Mod-z": redo, "Mod-y": redo, Backspace: undoInputRule,
      "Mod-b": toggleBold(schema), "Mod-i": toggleItalic(schema),
      "Mod-k": () => { openLink(); return true; },
      "Mod-Alt-2": toggleHeading(schema, 2), "Mod-Alt-3": toggleHeading(schema, 3),
      "Shift-Mod-8": toggleList(schema.nodes.bullet_list), "Shift-Mod-7": toggleList(schema.nodes.ordered_list),
      "Shift-Mod-9": toggleQuote,
      "Shift-Enter": breakLine, "Mod-Enter": breakLine,
      Enter: splitListItem(list_item),
      Tab: chainCommands(goToNextCell(1), sinkListItem(list_item)),
      "Shift-Tab": chainCommands(goToNextCell(-1), liftListItem(list_item)),
    }),
    keymap(baseKeymap),
    history(),
    dropCursor(),
    gapCursor(),
    tableEditing(),
  ];
}
