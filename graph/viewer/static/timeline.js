/*
 * The date control and timeline of the org-chart page (graph/viewer.py).
 *
 * Reads data.timeline from #orgkg-data: asOf (the ISO day the chart shows,
 * or null for undated data) and days (each dated day of the dataset with
 * how many facts begin or end on it). Choosing a day asks the service for
 * the chart of that day (?at=DAY, other parameters kept), which redraws it;
 * an offline file shows one day only, and says how to get another.
 * Every text reaches the page through textContent.
 */
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("orgkg-data").textContent);
  const timeline = data.timeline || { asOf: null, days: [] };
  const section = document.getElementById("timeline-section");
  if (!section || (!timeline.asOf && timeline.days.length === 0)) return;
  const input = document.getElementById("at");
  const list = document.getElementById("timeline");
  const note = document.getElementById("timeline-note");
  const served = window.location.protocol === "http:" || window.location.protocol === "https:";

  function word(key) {
    const span = document.createElement("span");
    span.dataset.text = key;
    const entry = data.text[key];
    span.textContent = entry ? entry[document.documentElement.lang === "en" ? "en" : "vi"] : key;
    return span;
  }

  function choose(day) {
    if (!day) return;
    if (!served) {
      note.hidden = false;
      return;
    }
    const params = new URLSearchParams(window.location.search);
    params.set("at", day);
    window.location.search = params.toString();
  }

  section.hidden = false;
  if (timeline.asOf) input.value = timeline.asOf;
  note.replaceChildren(word("offline_day"));
  for (const entry of timeline.days) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "timeline-day";
    button.dataset.day = entry.day;
    if (entry.day === timeline.asOf) button.setAttribute("aria-current", "date");
    const when = document.createElement("strong");
    when.textContent = entry.when;
    button.append(when, " · " + String(entry.count) + " ", word("changes"));
    button.addEventListener("click", () => choose(entry.day));
    item.append(button);
    list.append(item);
  }
  input.addEventListener("change", () => choose(input.value));
})();
