// The formatting toolbar: buttons run commands on the editor and show, with aria-pressed, what the cursor is in.
// One tab stop with arrow keys between the buttons, as the ARIA toolbar pattern has it.
import { addRowAfter, addColumnAfter, deleteRow, deleteColumn, deleteTable, isInTable } from "prosemirror-tables";
import * as commands from "./commands.js";

/** @param {{ link(): void, image(): void, callToAction(): void }} ask the flows that need a question first. */
export function connectToolbar(toolbar, getView, schema, ask) {
  const { bullet_list, ordered_list, strong, em, link } = { ...schema.nodes, ...schema.marks };
  const run = (command) => () => { const view = getView(); command(view.state, view.dispatch, view); view.focus(); };
  const actions = {
    bold: { run: run(commands.toggleBold(schema)), active: (s) => commands.markActive(s, strong) },
    italic: { run: run(commands.toggleItalic(schema)), active: (s) => commands.markActive(s, em) },
    heading: { run: run(commands.toggleHeading(schema, 2)), active: (s) => commands.headingActive(s, 2) },
    subheading: { run: run(commands.toggleHeading(schema, 3)), active: (s) => commands.headingActive(s, 3) },
    "bullet-list": { run: run(commands.toggleList(bullet_list)), active: (s) => commands.listActive(s, bullet_list) },
    "numbered-list": { run: run(commands.toggleList(ordered_list)), active: (s) => commands.listActive(s, ordered_list) },
    quote: { run: run(commands.toggleQuote), active: commands.quoteActive },
    link: { run: () => ask.link(), active: (s) => commands.markActive(s, link) },
    table: { run: run(commands.insertTable(schema)) },
    image: { run: () => ask.image() },
    "call-to-action": { run: () => ask.callToAction() },
    "add-row": { run: run(addRowAfter), table: true },
    "add-column": { run: run(addColumnAfter), table: true },
    "delete-row": { run: run(deleteRow), table: true },
    "delete-column": { run: run(deleteColumn), table: true },
    "delete-table": { run: run(deleteTable), table: true },
  };

  toolbar.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-command]");
    if (button && getView()) actions[button.dataset.command]?.run();
  });
  // Keep the editor's selection when a button is pressed with the mouse.
  toolbar.addEventListener("mousedown", (event) => { if (event.target.closest("button[data-command]")) event.preventDefault(); });

  const visibleButtons = () => [...toolbar.querySelectorAll("button")].filter((b) => b.offsetParent !== null);
  toolbar.addEventListener("keydown", (event) => {
    const buttons = visibleButtons(), at = buttons.indexOf(document.activeElement);
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (at < 0 || (!step && event.key !== "Home" && event.key !== "End")) return;
    event.preventDefault();
    const next = event.key === "Home" ? 0 : event.key === "End" ? buttons.length - 1 : (at + step + buttons.length) % buttons.length;
    focusable(buttons[next]);
    buttons[next].focus();
  });
  const focusable = (chosen) => { for (const b of toolbar.querySelectorAll("button")) b.tabIndex = b === chosen ? 0 : -1; };
  toolbar.addEventListener("focusin", (event) => { if (event.target.matches("button")) focusable(event.target); });
  focusable(toolbar.querySelector("button"));

  /** Shows what the cursor is in; called after every change of the editor's state and of the view shown. */
  return function update(state) {
    const inTable = isInTable(state) && toolbar.dataset.mode !== "markdown";
    for (const button of toolbar.querySelectorAll("button[data-command]")) {
      const action = actions[button.dataset.command];
      if (action?.active) button.setAttribute("aria-pressed", String(action.active(state)));
    }
    for (const group of toolbar.querySelectorAll("[data-table-tools]")) group.hidden = !inTable;
    // The toolbar's one tab stop must be a button that is showing.
    const buttons = visibleButtons();
    if (!buttons.some((b) => b.tabIndex === 0) && buttons.length) focusable(buttons[0]);
  };
}
