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

/**
 * The library of pictures, with an upload control beside it. The same dialog picks a picture for the text and the
 * post's cover; `words` names what it is for.
 * @returns {Promise<{src: string, alt: string} | {file: File} | null>}
 */
export async function askImage(dialog, words = {}) {
  const heading = dialog.querySelector("h2"), confirm = dialog.querySelector("[value=ok]");
  heading.dataset.text ??= heading.textContent;
  confirm.dataset.text ??= confirm.textContent;
  heading.textContent = words.title ?? heading.dataset.text;
  confirm.textContent = words.confirm ?? confirm.dataset.text;
  const alt = dialog.querySelector("[name=alt]"), file = dialog.querySelector("input[type=file]");
  const choices = [...dialog.querySelectorAll("input[name=src]")];
  for (const choice of choices) choice.checked = false;
  alt.value = "";
  file.value = "";
  // The description kept with the media item is offered, so it is given once, not again for every post.
  const offerAlt = (event) => { if (event.target.name === "src") alt.value = event.target.dataset.alt || alt.value; };
  // Choosing a file to upload ends this question; the description is asked next, with the picture in view.
  const chooseFile = () => { if (file.files.length) dialog.close("upload"); };
  dialog.addEventListener("change", offerAlt);
  file.addEventListener("change", chooseFile);
  const answer = await ask(dialog);
  dialog.removeEventListener("change", offerAlt);
  file.removeEventListener("change", chooseFile);
  if (answer === "upload") return { file: file.files[0] };
  const chosen = choices.find((c) => c.checked);
  return answer === "ok" && chosen && alt.value.trim() ? { src: chosen.value, alt: alt.value.trim() } : null;
}

/** A picture just uploaded joins the library list, so it can be picked again without reloading the page. */
export function addImageChoice(dialog, { url, fileName, alt }) {
  const list = dialog.querySelector(".image-choices");
  if (!list || list.querySelector(`input[value="${CSS.escape(url)}"]`)) return;
  const id = "image-choice-new-" + list.querySelectorAll("input").length;
  const label = document.createElement("label");
  label.className = "image-choice";
  label.htmlFor = id;
  label.innerHTML = '<input type="radio" name="src" required><img alt="" width="160" height="90"><span></span>';
  Object.assign(label.querySelector("input"), { id, value: url });
  label.querySelector("input").dataset.alt = alt;
  label.querySelector("img").src = url;
  label.querySelector("span").textContent = fileName;
  list.querySelector("legend").after(label);
  list.hidden = false;
  dialog.querySelector(".no-images")?.remove();
}

/** Asks once for the description of a picture about to be uploaded, showing the picture. @returns {Promise<string | null>} */
export async function askAlt(dialog, file) {
  const alt = dialog.querySelector("[name=alt]"), preview = dialog.querySelector("img"), name = dialog.querySelector(".file-name");
  // A data: address, which the manager's Content-Security-Policy allows for pictures (blob: it does not).
  const reader = new FileReader();
  reader.addEventListener("load", () => { preview.src = reader.result; }, { once: true });
  reader.readAsDataURL(file);
  name.textContent = file.name || "Pasted picture";
  alt.value = "";
  const answer = await ask(dialog);
  reader.abort();
  preview.removeAttribute("src");
  return answer === "ok" && alt.value.trim() ? alt.value.trim() : null;
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
