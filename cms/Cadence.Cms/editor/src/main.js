// The post editor's visual mode. The <textarea name="Body"> stays the form's field and the source of truth:
// the visual editor writes Markdown into it on every change (and fires "input", so editor.js's live preview
// and autosave carry on), and leaves it byte for byte as it was while the content is what was loaded.
// Without script, or in the "Markdown" view, people edit the textarea itself.
import { EditorState } from "prosemirror-state";
import { EditorView } from "prosemirror-view";
import { DOMParser as ContentParser, Slice } from "prosemirror-model";
import { createSchema } from "./schema.js";
import { createParser, serializer } from "./markdown.js";
import { editorPlugins } from "./plugins.js";
import { connectToolbar } from "./toolbar.js";
import { askLink, askImage, askCallToAction, formTitles } from "./pickers.js";
import { setLink, insertImage, insertCallToAction, linkAt } from "./commands.js";
import { cleanPastedHtml } from "./paste.js";
import { newPictures } from "./pictures.js";
import { imagesIn } from "./upload.js";
import { uploadPlaceholders, addPlaceholder, resolvePlaceholder } from "./placeholders.js";
import { connectCover } from "./cover.js";

const modeKey = "cadence.editor.mode";

function start() {
  const form = document.getElementById("post-form");
  const textarea = form?.querySelector("textarea#Body");
  const toolbar = form?.querySelector(".toolbar");
  if (!textarea || !toolbar) return;
  const label = form.querySelector("label[for=Body]");
  const dialogs = {
    link: document.getElementById("link-dialog"), image: document.getElementById("image-dialog"),
    callToAction: document.getElementById("cta-dialog"), alt: document.getElementById("alt-dialog"),
  };
  const titles = formTitles(dialogs.callToAction);
  const schema = createSchema((key) => titles.get(key));
  const parser = createParser(schema);

  // What was loaded (or last switched to from the Markdown view), to hand back unchanged while nothing changed.
  let loadedText = textarea.value, loadedDoc = parser.parse(loadedText);
  const toMarkdown = (doc) => doc.eq(loadedDoc) ? loadedText : serializer.serialize(doc).replace(/\n*$/, "\n");

  const host = document.createElement("div");
  host.className = "visual-editor";
  textarea.after(host);
  let view = null, updateToolbar = () => {};

  // A closing dialog gives focus back to what had it, and the browser puts the editor's caret back where it was when
  // the dialog opened, sometimes after the change the dialog made: typing would then go on before the new link or
  // picture. So the editor lets go of focus before a dialog opens, and takes it back, caret after the change, once closed.
  const letGo = () => view.dom.blur();
  const refocus = () => {
    const wanted = view.state.selection, doc = view.state.doc;
    view.focus();
    requestAnimationFrame(() => {
      if (view.state.doc === doc && !view.state.selection.eq(wanted)) view.dispatch(view.state.tr.setSelection(wanted));
      view.focus();
    });
  };

  const ask = {
    link: async () => {
      const current = linkAt(view.state);
      letGo();
      const answer = await askLink(dialogs.link, current, !view.state.selection.empty);
      if (answer === "remove") setLink(null)(view.state, view.dispatch);
      else if (answer) setLink(answer.href, answer.text)(view.state, view.dispatch);
      refocus();
    },
    image: async () => {
      letGo();
      const answer = await askImage(dialogs.image);
      if (answer?.file) await uploadInto([answer.file], view.state.selection.from);
      else if (answer) insertImage(schema, answer.src, answer.alt)(view.state, view.dispatch);
      refocus();
    },
    callToAction: async () => {
      letGo();
      const key = await askCallToAction(dialogs.callToAction);
      if (key) insertCallToAction(schema, key)(view.state, view.dispatch);
      refocus();
    },
  };

  // New pictures (toolbar, drop, paste): described, then uploaded while a placeholder holds their place.
  const prepare = newPictures({
    endpoint: dialogs.alt.dataset.upload, altDialog: dialogs.alt, imageDialog: dialogs.image,
    token: () => form.querySelector("input[name=__RequestVerificationToken]").value,
    status: document.getElementById("upload-status"),
  });
  let uploads = 0;
  async function uploadInto(files, pos) {
    for (const file of files) {
      const picture = await prepare(file);
      if (!picture) continue;
      const id = "upload-" + ++uploads;
      addPlaceholder(view, id, Math.min(pos, view.state.doc.content.size), picture.name);
      const image = await picture.send();
      resolvePlaceholder(view, id, image && schema.nodes.paragraph.create(null, schema.nodes.image.create({ src: image.url, alt: image.alt })));
      if (image) pos = view.state.selection.from; // the next one follows this one
    }
    view.focus();
  }
  // A dropped or pasted picture file is uploaded; a page's own content (text, or pictures already on the web) is not.
  const pastedFiles = (data) => data?.getData("text/plain")?.trim() ? [] : imagesIn(data?.files);

  const newState = () => EditorState.create({ doc: loadedDoc, plugins: [...editorPlugins(schema, () => ask.link()), uploadPlaceholders()] });
  view = new EditorView(host, {
    state: newState(),
    attributes: {
      role: "textbox", "aria-multiline": "true", "aria-describedby": "visual-hint", class: "rendered",
    },
    dispatchTransaction(tr) {
      view.updateState(view.state.apply(tr));
      updateToolbar(view.state);
      if (!tr.docChanged) return;
      textarea.value = toMarkdown(view.state.doc);
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    },
    transformPastedHTML: cleanPastedHtml,
    // Plain text pasted (from a notes app, or an old post) is read as Markdown; Ctrl+Shift+V keeps it as typed.
    clipboardTextParser(text, $context, plain) {
      if (plain) return null;
      const doc = parser.parse(text);
      return Slice.maxOpen(doc.content);
    },
    clipboardParser: ContentParser.fromSchema(schema),
    handlePaste(editorView, event) {
      const files = pastedFiles(event.clipboardData);
      if (!files.length) return false;
      event.preventDefault();
      uploadInto(files, editorView.state.selection.from);
      return true;
    },
    handleDrop(editorView, event, slice, moved) {
      const files = moved ? [] : imagesIn(event.dataTransfer?.files);
      if (!files.length) return false;
      event.preventDefault();
      const at = editorView.posAtCoords({ left: event.clientX, top: event.clientY });
      uploadInto(files, at ? at.pos : editorView.state.selection.from);
      return true;
    },
  });
  // What the editor would store for its current content, whether or not it changed (the round-trip test reads it).
  host.editor = { markdown: () => serializer.serialize(view.state.doc).replace(/\n*$/, "\n") };
  updateToolbar = connectToolbar(toolbar, () => view, schema, ask);
  updateToolbar(view.state);
  connectCover(form, dialogs.image, prepare);

  // Another script (an upload, say) adds an image where the cursor is: form.dispatchEvent(new CustomEvent(
  // "cadence:insert-image", { detail: { src, alt } })). In the Markdown view it lands at the end of the text.
  form.addEventListener("cadence:insert-image", (event) => {
    const { src, alt } = event.detail;
    if (!host.hidden) insertImage(schema, src, alt)(view.state, view.dispatch);
    else {
      textarea.value = textarea.value.replace(/\n*$/, "\n\n") + "![" + alt.replace(/[[\]]/g, "\\$&") + "](" + src + ")\n";
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    }
  });

  // In the Markdown view a pasted or dropped picture is uploaded too, and written as Markdown where the cursor is.
  async function uploadIntoText(files) {
    for (const file of files) {
      const picture = await prepare(file);
      const image = picture && await picture.send();
      if (!image) continue;
      const at = textarea.selectionStart, markdown = "![" + image.alt.replace(/[[\]]/g, "\\$&") + "](" + image.url + ")";
      textarea.setRangeText((at > 0 ? "\n\n" : "") + markdown + "\n\n", at, textarea.selectionEnd, "end");
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    }
    textarea.focus();
  }
  textarea.addEventListener("paste", (event) => {
    const files = pastedFiles(event.clipboardData);
    if (files.length) { event.preventDefault(); uploadIntoText(files); }
  });
  textarea.addEventListener("drop", (event) => {
    const files = imagesIn(event.dataTransfer?.files);
    if (files.length) { event.preventDefault(); uploadIntoText(files); }
  });

  // A picture dropped beside the text would otherwise replace the page with itself, and what was typed with it.
  for (const type of ["dragover", "drop"])
    window.addEventListener(type, (event) => { if (event.dataTransfer?.types.includes("Files")) event.preventDefault(); });

  // The "Markdown" switch: both directions keep the content; the choice is remembered on this device.
  const modeButton = toolbar.querySelector("[data-mode]");
  const visualOnly = [...form.querySelectorAll("[data-visual-only]")], markdownOnly = [...form.querySelectorAll("[data-markdown-only]")];
  function show(mode) {
    const visual = mode === "visual";
    if (visual && textarea.value !== toMarkdown(view.state.doc)) {
      loadedText = textarea.value;
      loadedDoc = parser.parse(loadedText);
      view.updateState(newState());
    }
    host.hidden = !visual;
    textarea.hidden = visual;
    for (const element of visualOnly) element.hidden = !visual;
    for (const element of markdownOnly) element.hidden = visual;
    // The label names whichever of the two is showing.
    if (visual) { label.removeAttribute("for"); view.dom.setAttribute("aria-labelledby", label.id); }
    else { label.htmlFor = "Body"; view.dom.removeAttribute("aria-labelledby"); }
    modeButton.setAttribute("aria-pressed", String(!visual));
    toolbar.dataset.mode = mode;
    updateToolbar(view.state);
  }
  modeButton.addEventListener("click", () => {
    const mode = host.hidden ? "visual" : "markdown";
    localStorage.setItem(modeKey, mode);
    show(mode);
    (mode === "visual" ? view : textarea).focus();
  });
  label.addEventListener("click", () => { if (!host.hidden) view.focus(); });
  toolbar.hidden = false;
  show(localStorage.getItem(modeKey) === "markdown" ? "markdown" : "visual");
}

start();
