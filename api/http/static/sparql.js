// The SPARQL form: runs the query with fetch and shows SELECT answers as a table.
// Only text nodes are created from answers, never HTML, so data cannot inject markup.
"use strict";

function showTable(target, data) {
  const table = document.createElement("table");
  const head = table.insertRow();
  for (const name of data.head.vars) {
    const th = document.createElement("th");
    th.textContent = name;
    head.appendChild(th);
  }
  for (const binding of data.results.bindings) {
    const row = table.insertRow();
    for (const name of data.head.vars) {
      const term = binding[name];
      row.insertCell().textContent = term ? term.value : "";
    }
  }
  target.replaceChildren(table);
}

function showText(target, text) {
  const pre = document.createElement("pre");
  pre.textContent = text;
  target.replaceChildren(pre);
}

async function run(event) {
  event.preventDefault();
  const form = event.target;
  const status = document.getElementById("status");
  const results = document.getElementById("results");
  const format = form.format.value;
  const started = performance.now();
  status.className = "";
  status.textContent = "running…";
  const body = new URLSearchParams({ query: form.query.value });
  const response = await fetch("/sparql?format=" + encodeURIComponent(format), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const text = await response.text();
  if (!response.ok) {
    status.className = "error";
    let message = text;
    try { message = JSON.parse(text).error.message; } catch (_) { /* not JSON: show as is */ }
    status.textContent = response.status + ": " + message;
    results.replaceChildren();
    return;
  }
  const cut = response.headers.get("X-Orgkg-Truncated") === "true" ? " (cut by the result caps)" : "";
  status.textContent = seconds + " s" + cut;
  if (format === "json") {
    const data = JSON.parse(text);
    if ("boolean" in data) { showText(results, String(data.boolean)); return; }
    if (data.head && data.results) { showTable(results, data); return; }
  }
  showText(results, text);
}

document.getElementById("sparql-form").addEventListener("submit", run);
