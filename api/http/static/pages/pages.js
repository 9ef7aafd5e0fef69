// The pages' behaviour: sortable and filterable tables, label suggestions as you type.
// Data only ever reaches the page as text (textContent, option values): never as HTML.
"use strict";

function fold(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
}

function cellText(row, index) {
  const cell = row.cells[index];
  return cell ? cell.textContent.trim() : "";
}

function sortTable(table, index, kind, button) {
  const header = button.closest("th");
  const ascending = header.getAttribute("aria-sort") !== "ascending";
  for (const th of table.tHead.rows[0].cells) th.setAttribute("aria-sort", "none");
  header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const collator = new Intl.Collator(document.documentElement.lang, { numeric: true, sensitivity: "base" });
  rows.sort((a, b) => {
    const x = cellText(a, index);
    const y = cellText(b, index);
    const order = kind === "number" && x !== "" && y !== "" ? Number(x) - Number(y) : collator.compare(x, y);
    return ascending ? order : -order;
  });
  body.append(...rows);
}

function filterTable(table, text, counter) {
  const wanted = fold(text.trim());
  let shown = 0;
  for (const row of table.tBodies[0].rows) {
    const match = !wanted || fold(row.textContent).includes(wanted);
    row.hidden = !match;
    if (match) shown += 1;
  }
  if (counter) counter.textContent = wanted ? shown + " / " + table.tBodies[0].rows.length : "";
}

let pending = null;
async function suggest(input) {
  const list = document.getElementById(input.getAttribute("list"));
  const text = input.value.trim();
  if (!list || text.length < 2) return;
  if (pending) pending.abort();
  pending = new AbortController();
  const lang = document.body.dataset.lang || "vi";
  try {
    const response = await fetch("/search?lang=" + encodeURIComponent(lang) + "&q=" + encodeURIComponent(text), { signal: pending.signal, headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const data = await response.json();
    const options = [];
    const seen = new Set();
    for (const binding of data.results.bindings.slice(0, 12)) {
      const label = binding.entityLabel ? binding.entityLabel.value : binding.entity.value;
      if (seen.has(label)) continue;
      seen.add(label);
      const option = document.createElement("option");
      option.value = label;
      options.push(option);
    }
    list.replaceChildren(...options);
  } catch (error) {
    if (error.name !== "AbortError") throw error;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("th button[data-sort]")) {
    const table = button.closest("table");
    button.addEventListener("click", () => sortTable(table, Number(button.dataset.sort), button.dataset.kind, button));
  }
  for (const input of document.querySelectorAll("input[data-filter]")) {
    const table = document.getElementById(input.dataset.filter);
    const counter = document.querySelector("[data-count='" + input.dataset.filter + "']");
    if (table) input.addEventListener("input", () => filterTable(table, input.value, counter));
  }
  for (const input of document.querySelectorAll("input[data-suggest]")) {
    input.addEventListener("input", () => { suggest(input); });
  }
  document.body.dataset.ready = "true";
});
