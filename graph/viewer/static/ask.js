/* orgkg org-chart page: the "Hỏi / Ask" box.
 *
 * Sends the question to the server's GET /ask (same origin; the page's CSP
 * allows no other request) and shows what was understood ("Hiểu là: …"),
 * the other likely questions as one-click buttons, and the answer as a
 * table. A parameter the text does not name is asked for with buttons of
 * candidates. Everything shown goes through textContent, never innerHTML,
 * so no answer, label or typed text can become markup. Opened as a file
 * (no server to ask), the box stays hidden.
 */
(function () {
  "use strict";

  const form = document.getElementById("ask");
  if (!form || !/^https?:$/.test(window.location.protocol)) return;
  const view = window.orgkgView;
  const input = document.getElementById("ask-text");
  const out = document.getElementById("ask-answer");
  const TEXTS = {
    vi: { ask: "Hỏi", placeholder: "Hỏi, ví dụ: nhóm truyền thông báo cáo cho ai", understood: "Hiểu là", others: "Câu hỏi khác", none: "Không có dòng nào.", choose: "Chọn", failed: "Không hỏi được máy chủ.", close: "Đóng" },
    en: { ask: "Ask", placeholder: "Ask, e.g. who reports to the Head", understood: "Understood as", others: "Other questions", none: "No rows.", choose: "Choose", failed: "The server could not be asked.", close: "Close" },
  };
  const MAX_ROWS = 200;
  let lastText = "";

  function lang() {
    return view && view.state && view.state.lang === "en" ? "en" : "vi";
  }
  function say(key) {
    return TEXTS[lang()][key];
  }
  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function relabel() {
    document.getElementById("ask-button").textContent = say("ask");
    input.placeholder = say("placeholder");
    input.setAttribute("aria-label", say("ask"));
  }

  async function request(path, params) {
    const url = new URL(path, window.location.origin);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    url.searchParams.set("lang", lang());
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      return { status: response.status, body: await response.json() };
    } catch (error) {
      return { status: 0, body: null };
    }
  }

  async function ask(text, question) {
    lastText = text;
    const params = { q: text };
    if (question) params.question = question;
    show(await request("/ask", params));
  }

  async function choose(questionId, parameter, iri, title) {
    const result = await request("/queries/" + encodeURIComponent(questionId), { [parameter]: iri, format: "json" });
    if (result.status === 200) {
      show({ status: 200, body: { question: questionId, params: { [parameter]: iri }, understood: title, alternatives: [], answer: result.body } });
    } else {
      show(result);
    }
  }

  function show(result) {
    out.replaceChildren();
    out.hidden = false;
    const close = element("button", "×", "ask-close");
    close.type = "button";
    close.setAttribute("aria-label", say("close"));
    close.addEventListener("click", () => { out.hidden = true; });
    out.append(close);
    if (!result.body) {
      out.append(element("p", say("failed"), "ask-error"));
      return;
    }
    if (result.status !== 200) {
      const error = result.body.error || {};
      out.append(element("p", error.message || say("failed"), "ask-error"));
      const candidates = error.candidates || [];
      if (candidates.length) {
        const list = element("div", undefined, "ask-choices");
        list.append(element("span", say("choose") + ":"));
        for (const candidate of candidates) {
          const button = element("button", candidate.title || candidate.label || candidate.id);
          button.type = "button";
          if (candidate.id) {
            button.addEventListener("click", () => ask(lastText, candidate.id));
          } else {
            button.addEventListener("click", () => choose(error.question, error.parameter, candidate.iri, candidate.label));
          }
          list.append(button);
        }
        out.append(list);
      }
      return;
    }
    const body = result.body;
    out.append(element("p", say("understood") + ": " + body.understood, "ask-understood"));
    if (body.alternatives && body.alternatives.length) {
      const list = element("div", undefined, "ask-choices");
      list.append(element("span", say("others") + ":"));
      for (const id of body.alternatives) {
        const button = element("button", id);
        button.type = "button";
        button.addEventListener("click", () => ask(lastText, id));
        list.append(button);
      }
      out.append(list);
    }
    out.append(table(body.answer));
    for (const value of Object.values(body.params || {})) {
      if (view && view.byId && view.byId.has(value)) view.focusNode(value);
    }
  }

  function table(answer) {
    const vars = answer.head.vars;
    const rows = answer.results.bindings;
    if (!rows.length) return element("p", say("none"), "ask-empty");
    // A column with a ...Label twin shows the label only: people read labels.
    const shown = vars.filter((name) => !vars.includes(name + "Label"));
    const grid = element("table");
    const head = grid.createTHead().insertRow();
    for (const name of shown) head.append(element("th", name));
    const rowsBody = grid.createTBody();
    for (const binding of rows.slice(0, MAX_ROWS)) {
      const row = rowsBody.insertRow();
      for (const name of shown) row.insertCell().textContent = binding[name] ? binding[name].value : "";
    }
    return grid;
  }

  form.hidden = false;
  relabel();
  document.getElementById("lang-toggle").addEventListener("click", () => window.setTimeout(relabel));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (text) ask(text);
  });
  window.orgkgAsk = { ask };
})();
