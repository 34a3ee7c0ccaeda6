// Progressive enhancement for every manager page. Everything works without this file.
"use strict";
document.addEventListener("click", (event) => {
  // Buttons that destroy or hide something ask first.
  const button = event.target.closest("[data-confirm]");
  if (button && !window.confirm(button.dataset.confirm)) event.preventDefault();
});

// On a phone, list rows show as cards (manager.css); each cell is captioned with its column's heading.
for (const table of document.querySelectorAll("table.list")) {
  const headings = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
  for (const row of table.querySelectorAll("tbody tr"))
    [...row.children].forEach((cell, i) => {
      if (cell.tagName === "TD" && !cell.hasAttribute("data-label") && headings[i]) cell.setAttribute("data-label", headings[i]);
    });
}

// The menu is a <details>; Escape closes it and returns focus to its button.
document.addEventListener("keydown", (event) => {
  const menu = document.getElementById("menu");
  if (event.key === "Escape" && menu?.open && menu.querySelector("summary").offsetParent !== null) {
    menu.open = false;
    menu.querySelector("summary").focus();
  }
});
