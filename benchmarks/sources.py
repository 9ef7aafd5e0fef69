"""Source documents of the generated data: a legal resource, the text it is
read from (title, paragraphs, sentences), and labels, written as the bundled
regulation writes them (ontology/regulations/qd-426-2018/source.ttl)."""

from __future__ import annotations

from dataclasses import dataclass, field

from benchmarks.ntriples import TripleWriter
from benchmarks.terms import DCT, DERIVED, ELI, ID, ODRL, OKG, PREF, TYPE, XSD


@dataclass
class Document:
    """A legal resource and the source text it is read from, paragraph by paragraph."""

    legal: str
    source: str
    _sentences: dict[int, dict[int, str]] = field(default_factory=dict)

    def sentence(self, paragraph: int, number: int) -> str:
        return f"{self.source}/para_{paragraph}__sent_{number}"

    def say(self, paragraph: int, number: int, text: str) -> str:
        self._sentences.setdefault(paragraph, {})[number] = text
        return self.sentence(paragraph, number)

    def drain(self) -> list[tuple[int, list[str]]]:
        """The paragraphs said since the last drain, each as its sentences in order."""
        paragraphs = [
            (number, [sentences[k] for k in sorted(sentences)])
            for number, sentences in sorted(self._sentences.items())
        ]
        self._sentences.clear()
        return paragraphs


def write_labels(out: TripleWriter, subject: str, vi: str, en: str) -> None:
    out.text(subject, PREF, vi, "vi")
    out.text(subject, PREF, en, "en")


def open_document(
    out: TripleWriter, number: int, kind: tuple[str, str], about: tuple[str, str]
) -> Document:
    """Legal resource ``number`` (the ODRL policy) and its source text, with its title passage."""
    (kind_vi, kind_en), (about_vi, about_en) = kind, about
    year = 2015 + number % 10
    doc = Document(f"{ID}doc/qd-{number}-{year}", f"{ID}doc/van-ban-{number}-{year}")
    title_vi = f"{kind_vi} số {number}/{year} về tổ chức {about_vi}"
    title_en = f"{kind_en} No. {number}/{year} on the organisation of the {about_en}"
    out.link(doc.legal, TYPE, ELI + "LegalResource")
    out.link(doc.legal, TYPE, ODRL + "Set")
    write_labels(out, doc.legal, title_vi, title_en)
    out.typed(doc.legal, ELI + "date_document", f"{year}-10-18", XSD + "date")
    out.link(doc.legal, DERIVED, f"{doc.source}/title")
    out.link(doc.source, TYPE, OKG + "SourceDocument")
    out.text(doc.source, DCT + "identifier", doc.source.rsplit("/", 1)[-1])
    out.text(doc.source, DCT + "title", title_vi, "vi")
    write_labels(out, doc.source, title_vi, title_en)
    out.text(doc.source, DCT + "language", "vi")
    write_passage(out, f"{doc.source}/title", doc.source, 1, title_vi, kind="Passage")
    return doc


def close_document(out: TripleWriter, doc: Document) -> None:
    """Write the paragraphs said so far: each one's text, then its sentences."""
    for paragraph, sentences in doc.drain():
        para = f"{doc.source}/para_{paragraph}"
        write_passage(out, para, doc.source, paragraph + 1, " ".join(sentences), kind="Passage")
        for number, sentence in enumerate(sentences, start=1):
            write_passage(out, f"{para}__sent_{number}", para, number, sentence, kind="Sentence")


def write_passage(
    out: TripleWriter, iri: str, parent: str, order: int, text: str, *, kind: str
) -> None:
    out.link(iri, TYPE, OKG + kind)
    out.text(iri, DCT + "identifier", iri.rsplit("/", 1)[-1])
    out.link(iri, DCT + "isPartOf", parent)
    out.typed(iri, OKG + "order", str(order), XSD + "integer")
    out.text(iri, OKG + "text", text)
