// The post's cover (featured) image. Without script it is a <select> of the library's pictures; with script it
// shows the current cover and offers Choose (the library, or a new upload), Upload and Remove. Either way the
// choice is the select's value, so saving, autosave and the no-script form post the same field.
import { askImage } from "./pickers.js";

export function connectCover(form, imageDialog, prepare) {
  const panel = form.querySelector("[data-cover]"), select = form.querySelector("select#Image"), alt = form.querySelector("#ImageAlt");
  if (!panel || !select) return;
  const thumb = panel.querySelector("img"), empty = panel.querySelector(".cover-empty"), file = panel.querySelector("input[type=file]");
  const remove = panel.querySelector("[data-cover-remove]");

  function show() {
    const url = select.value;
    thumb.hidden = !url;
    if (url) thumb.src = url; else thumb.removeAttribute("src");
    thumb.alt = url ? "Cover: " + (alt.value || "no description yet") : "";
    empty.hidden = !!url;
    remove.hidden = !url;
  }
  function use(url, description, name) {
    if (url && ![...select.options].some((o) => o.value === url)) select.add(new Option(name ?? url, url));
    select.value = url;
    alt.value = description;
    show();
    // Autosave and the preview follow the form's input events, as for any typed change.
    select.dispatchEvent(new Event("change", { bubbles: true }));
    alt.dispatchEvent(new Event("input", { bubbles: true }));
  }
  async function upload(chosen) {
    const picture = await prepare(chosen);
    if (!picture) return;
    panel.setAttribute("aria-busy", "true");
    const image = await picture.send();
    panel.removeAttribute("aria-busy");
    if (image) use(image.url, image.alt, image.fileName);
  }

  panel.querySelector("[data-cover-choose]").addEventListener("click", async () => {
    const answer = await askImage(imageDialog, { title: "Choose a cover image", confirm: "Use as cover" });
    if (answer?.file) await upload(answer.file);
    else if (answer) use(answer.src, answer.alt);
  });
  panel.querySelector("[data-cover-upload]").addEventListener("click", () => { file.value = ""; file.click(); });
  file.addEventListener("change", () => { if (file.files.length) upload(file.files[0]); });
  remove.addEventListener("click", () => use("", ""));
  alt.addEventListener("input", show);

  select.closest(".field").hidden = true;
  panel.hidden = false;
  show();
}
