// The SPARQL editor: CodeMirror (editor.bundle.js) over the form's textarea,
// catalogue examples, results as a table with entity links, downloads.
// Answers reach the page as text only (textContent, href), never as HTML.
"use strict";

const ENTITY_BASE = "https://w3id.org/orgkg/id/";

function entityHref(iri) {
  const tail = iri.startsWith(ENTITY_BASE) ? iri.slice(ENTITY_BASE.length) : iri;
  return "/entities/" + tail.split("/").map(encodeURIComponent).join("/") + "?lang=" + (document.body.dataset.lang || "vi");
}

function showTable(target, data) {
  const table = document.createElement("table");
  table.className = "answer";
  const head = table.createTHead().insertRow();
  for (const name of data.head.vars) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = name;
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const binding of data.results.bindings) {
    const row = body.insertRow();
    for (const name of data.head.vars) {
      const term = binding[name];
      const cell = row.insertCell();
      if (!term) continue;
      if (term.type === "uri" && /^https?:\/\//.test(term.value)) {
        const link = document.createElement("a");
        link.href = entityHref(term.value);
        link.textContent = term.value;
        cell.appendChild(link);
      } else {
        cell.textContent = term.value;
      }
    }
  }
  const wrap = document.createElement("div");
  wrap.className = "table-wrap";
  wrap.appendChild(table);
  target.replaceChildren(wrap);
}

function showText(target, text) {
  const pre = document.createElement("pre");
  pre.textContent = text;
  target.replaceChildren(pre);
}

function setDownloads(text) {
  const box = document.getElementById("downloads");
  for (const link of box.querySelectorAll("a[data-download]")) {
    link.href = "/sparql?" + new URLSearchParams({ query: text, format: link.dataset.download });
    link.setAttribute("download", "answer." + link.dataset.download);
  }
  box.hidden = false;
}

async function run(form, editor) {
  const status = document.getElementById("status");
  const results = document.getElementById("results");
  const format = form.format.value;
  const text = editor ? editor.value : form.query.value;
  const started = performance.now();
  status.className = "";
  status.textContent = "…";
  const response = await fetch("/sparql?format=" + encodeURIComponent(format), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ query: text }),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const body = await response.text();
  if (!response.ok) {
    status.className = "error";
    let message = body;
    try { message = JSON.parse(body).error.message; } catch (_) { /* not JSON: show as is */ }
    status.textContent = response.status + ": " + message;
    results.replaceChildren();
    return;
  }
  const cut = response.headers.get("X-Orgkg-Truncated") === "true" ? " (cut)" : "";
  setDownloads(text);
  if (format === "json") {
    const data = JSON.parse(body);
    if ("boolean" in data) { showText(results, String(data.boolean)); status.textContent = seconds + " s"; return; }
    if (data.head && data.results) {
      showTable(results, data);
      status.textContent = data.results.bindings.length + " · " + seconds + " s" + cut;
      return;
    }
  }
  status.textContent = seconds + " s" + cut;
  showText(results, body);
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("sparql-form");
  const textarea = document.getElementById("query");
  const prefixes = JSON.parse(form.dataset.prefixes || "{}");
  const editor = window.orgkgEditor ? window.orgkgEditor.attach(textarea, prefixes) : null;
  document.getElementById("example").addEventListener("change", (event) => {
    if (!event.target.value) return;
    if (editor) editor.value = event.target.value; else textarea.value = event.target.value;
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run(form, editor);
  });
});
