// The post editor's extras: slug from title, live preview, autosave, counters and search preview.
// The form posts and works without any of this. The visual editor (visual-editor.js, built from
// cms/Cadence.Cms/editor) keeps #Body up to date and fires "input" on it, so everything here follows it.
"use strict";
(() => {
  const form = document.getElementById("post-form");
  if (!form) return;
  const body = form.querySelector("#Body");
  const title = form.querySelector("#Title");
  const slug = form.querySelector("#Slug");
  const status = document.getElementById("autosave-status");
  const token = () => form.querySelector("input[name=__RequestVerificationToken]").value;

  // --- Slug follows the title until someone edits it -----------------------------------------------------
  let slugTouched = slug.dataset.fromTitle !== "true" || slug.value !== "";
  slug.addEventListener("input", () => { slugTouched = true; });
  const slugify = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/['’]/g, "").replace(/&/g, " and ").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80).replace(/-+$/, "");
  title.addEventListener("input", () => { if (!slugTouched) slug.value = slugify(title.value); updateSearch(); });

  // --- Counters and search-result preview ----------------------------------------------------------------
  const seoTitle = form.querySelector("#SeoTitle"), seoDescription = form.querySelector("#SeoDescription"), excerpt = form.querySelector("#Excerpt");
  const search = form.querySelector(".search-result");
  function updateSearch() {
    search.querySelector(".search-title").textContent = seoTitle.value || title.value;
    search.querySelector(".search-description").textContent = seoDescription.value || excerpt.value;
    const url = search.querySelector(".search-url");
    url.textContent = url.dataset.base + "/" + (slug.value || slugify(title.value)) + "/";
  }
  for (const input of form.querySelectorAll("[data-counter]")) {
    const counter = document.getElementById(input.getAttribute("aria-describedby"));
    const limit = Number(input.dataset.counter);
    const update = () => {
      counter.textContent = input.value.length + " of " + limit + " characters" + (input.value.length > limit ? ": search engines will cut it" : "");
      counter.classList.toggle("over", input.value.length > limit);
      updateSearch();
    };
    input.addEventListener("input", update);
    update();
  }
  excerpt.addEventListener("input", updateSearch);
  slug.addEventListener("input", updateSearch);

  // --- Live preview, rendered by the server with the same dialect as the site ------------------------------
  const preview = document.getElementById("live-preview");
  preview.closest("section").hidden = false;
  let previewTimer;
  const renderPreview = async () => {
    const data = new FormData();
    data.append("Body", body.value);
    data.append("__RequestVerificationToken", token());
    const response = await fetch(form.getAttribute("action") + "?handler=Render", { method: "POST", body: data, credentials: "same-origin" });
    if (response.ok) preview.innerHTML = await response.text(); // sanitised HTML from the server
  };
  body.addEventListener("input", () => { clearTimeout(previewTimer); previewTimer = setTimeout(renderPreview, 400); });
  renderPreview();

  // --- Autosave: every few seconds when something changed ---------------------------------------------------
  let changed = false, saving = false;
  form.addEventListener("input", () => { changed = true; if (status.textContent !== "Unsaved changes") status.textContent = "Unsaved changes"; });
  form.addEventListener("change", () => { changed = true; });
  const autosave = async () => {
    if (!changed || saving) return;
    saving = true; changed = false;
    try {
      const response = await fetch(form.getAttribute("action") + "?handler=Autosave",
        { method: "POST", body: new FormData(form), credentials: "same-origin" });
      if (!response.ok) throw new Error(String(response.status));
      const answer = await response.json();
      if (form.getAttribute("action") !== answer.url) {
        // A new post now exists: later saves and the buttons go to it, and reloading opens it.
        form.setAttribute("action", answer.url);
        for (const button of form.querySelectorAll("[formaction]"))
          button.setAttribute("formaction", answer.url + "?" + button.getAttribute("formaction").split("?")[1]);
        history.replaceState(null, "", answer.url);
      }
      status.textContent = (answer.live ? "Changes kept as a revision (not live yet) at " : "Draft saved at ") + answer.savedAt;
    } catch {
      changed = true;
      status.textContent = "Could not save automatically; use Save before leaving.";
    } finally {
      saving = false;
    }
  };
  setInterval(autosave, 4000);
  // Buttons submit the whole form; the action already points at the saved post.
  form.addEventListener("submit", () => { changed = false; });
  window.addEventListener("beforeunload", (event) => { if (changed) { autosave(); event.preventDefault(); } });

  // Preview opens the saved version: save first.
  const previewLink = document.getElementById("preview-link");
  if (previewLink && form.dataset.autosave === "draft") {
    previewLink.addEventListener("click", async (event) => {
      if (!changed) return;
      event.preventDefault();
      await autosave();
      window.open(previewLink.href, "_blank", "noopener");
    });
  }
})();
