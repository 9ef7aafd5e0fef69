// Entry point of editor.bundle.js: CodeMirror 6 with the SPARQL mode and
// prefix completion, built by build-editor.sh (esbuild) and committed, so the
// page needs no CDN. The page calls orgkgEditor.attach(textarea, prefixes).
import { EditorView, basicSetup } from "codemirror";
import { StreamLanguage } from "@codemirror/language";
import { sparql } from "@codemirror/legacy-modes/mode/sparql";
import { autocompletion } from "@codemirror/autocomplete";

function prefixCompletion(prefixes) {
  const names = Object.keys(prefixes);
  return (context) => {
    const word = context.matchBefore(/[A-Za-z][\w-]*:?/);
    if (!word || (word.from === word.to && !context.explicit)) return null;
    return {
      from: word.from,
      options: names.map((name) => ({ label: name + ":", type: "namespace", detail: prefixes[name] })),
      validFor: /^[A-Za-z][\w-]*:?$/,
    };
  };
}

function attach(textarea, prefixes) {
  const view = new EditorView({
    doc: textarea.value,
    extensions: [
      basicSetup,
      StreamLanguage.define(sparql),
      autocompletion({ override: [prefixCompletion(prefixes)] }),
      // tabindex: the scrolling region must hold something the keyboard reaches (WCAG 2.1.1).
      EditorView.contentAttributes.of({ "aria-label": textarea.getAttribute("aria-label") || "SPARQL", tabindex: "0" }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) textarea.value = update.state.doc.toString();
      }),
    ],
  });
  textarea.hidden = true;
  textarea.after(view.dom);
  return {
    get value() { return view.state.doc.toString(); },
    set value(text) { view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }); },
    focus() { view.focus(); },
  };
}

window.orgkgEditor = { attach };
