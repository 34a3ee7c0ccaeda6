// The questions the toolbar asks in the page's <dialog>s (rendered by the server, so they list the media library
// and the forms): a link address, an image with its description, a call to action.

/** Opens a dialog and resolves with the value of the button that closed it ("" for Escape or Cancel). */
function ask(dialog) {
  dialog.returnValue = "";
  dialog.showModal();
  return new Promise((resolve) => dialog.addEventListener("close", () => resolve(dialog.returnValue), { once: true }));
}

/** @returns {Promise<{href: string, text: string} | "remove" | null>} */
export async function askLink(dialog, current, hasSelection) {
  const href = dialog.querySelector("[name=href]"), text = dialog.querySelector("[name=text]");
  href.value = current?.href ?? "";
  text.value = "";
  text.closest(".field").hidden = hasSelection || !!current;
  text.required = !text.closest(".field").hidden;
  dialog.querySelector("[value=remove]").hidden = !current;
  const answer = await ask(dialog);
  if (answer === "remove") return "remove";
  if (answer !== "ok" || !href.value.trim()) return null;
  return { href: normaliseHref(href.value.trim()), text: text.value };
}

// "clinic.example/book" means the web address, not a page of this site called that.
const normaliseHref = (href) => /^([a-z][a-z0-9+.-]*:|\/|#|\?)/i.test(href) ? href : /^[^\s/]+\.[a-z]{2,}(\/|$)/i.test(href) ? "https://" + href : href;

/** @returns {Promise<{src: string, alt: string} | null>} */
export async function askImage(dialog) {
  const alt = dialog.querySelector("[name=alt]");
  const choices = [...dialog.querySelectorAll("input[name=src]")];
  for (const choice of choices) choice.checked = false;
  alt.value = "";
  // The description kept with the media item is offered, so it is given once, not again for every post.
  const offerAlt = (event) => { if (event.target.name === "src") alt.value = event.target.dataset.alt || alt.value; };
  dialog.addEventListener("change", offerAlt);
  const answer = await ask(dialog);
  dialog.removeEventListener("change", offerAlt);
  const chosen = choices.find((c) => c.checked);
  return answer === "ok" && chosen && alt.value.trim() ? { src: chosen.value, alt: alt.value.trim() } : null;
}

/** @returns {Promise<string | null>} the chosen form's key. */
export async function askCallToAction(dialog) {
  const answer = await ask(dialog);
  return answer && answer !== "cancel" ? answer : null;
}

/** Form titles by key, from the picker's buttons. */
export function formTitles(dialog) {
  const titles = new Map();
  for (const button of dialog?.querySelectorAll("button[data-title]") ?? []) titles.set(button.value, button.dataset.title);
  return titles;
}
