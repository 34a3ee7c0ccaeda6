// The editor's live status: polls the post's status (which is also the "I am here" heartbeat) and updates,
// without a reload, whether the site took the change, who else is editing, and whether the page is out of date.
(() => {
  const box = document.getElementById("live-state");
  const form = document.getElementById("post-form");
  if (!box || !form || !box.dataset.status) return;
  const view = document.getElementById("view-on-site"), line = box.querySelector(".site-update");
  const text = document.getElementById("site-update"), log = document.getElementById("site-update-log");
  const presence = document.getElementById("presence"), stale = document.getElementById("stale");
  const field = (name) => form.querySelector(`input[name="${name}"]`)?.value ?? "";

  const poll = async () => {
    try {
      const query = new URLSearchParams({ version: field("Version"), session: field("EditSession") });
      const response = await fetch(box.dataset.status + "&" + query, { credentials: "same-origin", headers: { Accept: "application/json" } });
      if (!response.ok) return;
      const answer = await response.json();
      line.hidden = !answer.viewUrl;
      if (answer.viewUrl) view.href = answer.viewUrl;
      line.dataset.state = answer.siteState;
      if (text.textContent !== answer.siteText) text.textContent = answer.siteText;
      log.hidden = answer.siteState !== "NotConfirmed";
      presence.hidden = !answer.others;
      if (presence.textContent !== answer.others) presence.textContent = answer.others;
      stale.hidden = !answer.stale;
      if (stale.textContent !== answer.staleText) stale.textContent = answer.staleText;
    } catch {
      // Offline for a moment: the next poll tries again.
    }
  };
  poll();
  setInterval(poll, 5000);
})();
