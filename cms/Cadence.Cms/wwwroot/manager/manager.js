// Progressive enhancement for every manager page. Everything works without this file.
"use strict";
document.addEventListener("click", (event) => {
  // Buttons that destroy or hide something ask first.
  const button = event.target.closest("[data-confirm]");
  if (button && !window.confirm(button.dataset.confirm)) event.preventDefault();
});
