// The form editor"s field list, changed in place: the Add, Move and Remove buttons work without a round trip, and a
// field"s options show only for a choice. Without this script the same buttons post the page back unsaved.
"use strict";
(() => {
  const list = document.getElementById("fields");
  if (!list) return;
  const fields = () => [...list.querySelectorAll("[data-field]")];

  const renumber = () => {
    const all = fields();
    all.forEach((field, i) => {
      for (const el of field.querySelectorAll("[name], [id], label[for]")) {
        if (el.name) el.name = el.name.replace(/Draft\.Fields\[\d+\]/, `Draft.Fields[${i}]`);
        if (el.id) el.id = el.id.replace(/Draft_Fields_\d+_/, `Draft_Fields_${i}_`);
        if (el.htmlFor) el.htmlFor = el.htmlFor.replace(/Draft_Fields_\d+_/, `Draft_Fields_${i}_`);
      }
      for (const button of field.querySelectorAll("button[name=FieldChange]")) {
        const kind = button.value.split("-")[0];
        button.value = `${kind}-${i}`;
        button.disabled = (kind === "up" && i === 0) || (kind === "down" && i === all.length - 1);
      }
      field.querySelector("[data-field-number]").textContent = String(i + 1);
    });
  };

  const showOptions = (field) => {
    const type = field.querySelector("[data-field-type]");
    field.querySelector("[data-options]").hidden = type.value !== "select";
  };

  const blank = (template) => {
    const field = template.cloneNode(true);
    for (const el of field.querySelectorAll("input, textarea, select")) {
      if (el.type === "checkbox") el.checked = false;
      else if (el.tagName === "SELECT") el.value = "text";
      else el.value = "";
    }
    for (const message of field.querySelectorAll(".invalid")) message.textContent = "";
    return field;
  };

  // A moved field keeps focus on the button pressed, or on the other one when it cannot move further that way.
  const keepFocus = (field, button, other) =>
    (button.disabled ? field.querySelector(`button[value^=${other}-]`) : button).focus();

  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[name=FieldChange]");
    if (!button) return;
    const [kind] = button.value.split("-");
    const field = button.closest("[data-field]");
    const all = fields();
    if (kind === "add") {
      if (all.length === 0) return; // nothing to copy: let the page do it
      const added = blank(all[all.length - 1]);
      all[all.length - 1].after(added);
      event.preventDefault();
      renumber();
      showOptions(added);
      added.querySelector("input[name$='.Label']").focus();
      return;
    }
    event.preventDefault();
    if (kind === "remove") {
      const next = field.nextElementSibling?.matches("[data-field]") ? field.nextElementSibling : list.querySelector(".add-field");
      field.remove();
      renumber();
      (next.matches("[data-field]") ? next.querySelector("input[name$='.Label']") : next).focus();
    } else if (kind === "up" && field.previousElementSibling?.matches("[data-field]")) {
      field.previousElementSibling.before(field);
      renumber();
      keepFocus(field, button, "down");
    } else if (kind === "down" && field.nextElementSibling?.matches("[data-field]")) {
      field.nextElementSibling.after(field);
      renumber();
      keepFocus(field, button, "up");
    }
  });

  list.addEventListener("change", (event) => {
    if (event.target.matches("[data-field-type]")) showOptions(event.target.closest("[data-field]"));
  });
  fields().forEach(showOptions);
})();
