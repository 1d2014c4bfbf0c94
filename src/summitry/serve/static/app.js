"use strict";
// The summitry dashboard: timeline, relationship index, venue map and event explorer.
// Every text from the store is set with textContent (never innerHTML): it shows as text.
(function () {
  const SVGNS = "http://www.w3.org/2000/svg";
  const DAY = 86400000;

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function svgEl(tag, attrs, text) {
    const e = document.createElementNS(SVGNS, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function detail(body) {
    if (!body) return "";
    if (typeof body.detail === "string") return body.detail;
    if (Array.isArray(body.detail)) {
      return body.detail.map((d) => (d.loc || []).slice(-1)[0] + ": " + d.msg).join("; ");
    }
    return "";
  }

  async function getJSON(url) {
    const r = await fetch(url, { headers: { Accept: "application/json" } });
    let body = null;
    try { body = await r.json(); } catch (e) { body = null; }
    if (!r.ok) throw new Error(detail(body) || "HTTP " + r.status);
    return body;
  }

  function status(id, text, isError) {
    const s = document.getElementById(id);
    if (!s) return;
    s.textContent = text;
    s.classList.toggle("is-error", Boolean(isError));
  }

  function day(iso) { return Date.parse(iso + "T00:00:00Z"); }
  function iso(ms) { return new Date(ms).toISOString().slice(0, 10); }
  function widthOf(node) { return Math.max(480, Math.round(node.clientWidth || 900)); }

  // --- time axis ------------------------------------------------------------------------
  const STEPS = [
    [1, "day"], [7, "day"], [30.44, "month"], [91.3, "month"], [365.25, "year"],
    [365.25 * 2, "year"], [365.25 * 5, "year"], [365.25 * 10, "year"], [365.25 * 20, "year"],
  ];

  function ticks(v0, v1, maxTicks) {
    const spanDays = (v1 - v0) / DAY;
    const [step, unit] = STEPS.find(([s]) => spanDays / s <= maxTicks) || STEPS[STEPS.length - 1];
    const out = [];
    const start = new Date(v0);
    let t;
    if (unit === "year") {
      const n = Math.round(step / 365.25);
      const y = Math.ceil(start.getUTCFullYear() / n) * n;
      for (let yy = y; (t = Date.UTC(yy, 0, 1)) <= v1; yy += n) if (t >= v0) out.push([t, String(yy)]);
    } else if (unit === "month") {
      const n = Math.round(step / 30.44);
      let m = start.getUTCFullYear() * 12 + start.getUTCMonth() + 1;
      m = Math.ceil(m / n) * n;
      for (; (t = Date.UTC(Math.floor(m / 12), m % 12, 1)) <= v1; m += n) {
        out.push([t, iso(t).slice(0, 7)]);
      }
    } else {
      for (t = Math.ceil(v0 / (step * DAY)) * step * DAY; t <= v1; t += step * DAY) out.push([t, iso(t)]);
    }
    return out;
  }

  // --- the pair page ----------------------------------------------------------------------
  const LANES = ["summit", "sideline", "informal", "call"];

  function pairPage() {
    const head = document.getElementById("pair-title");
    const a = head.dataset.a, b = head.dataset.b;
    const q = new URLSearchParams({ a: a, b: b });
    const state = { all: [], filters: {}, view: null, full: null };
    getJSON("/api/pair/meetings?" + q).then((body) => {
      state.all = body.meetings;
      buildFilters(state, () => redraw(state));
      const dated = state.all.filter((m) => m.start_date).map((m) => day(m.start_date));
      if (dated.length) {
        const lo = Math.min(...dated), hi = Math.max(...dated);
        const pad = Math.max(15 * DAY, (hi - lo) * 0.05);
        state.full = [lo - pad, hi + pad];
        state.view = state.full.slice();
      }
      redraw(state);
      setupZoom(state);
      loadIndex(q, state);
    }).catch((e) => status("timeline-status", e.message, true));
    document.getElementById("freq").addEventListener("change", () => loadIndex(q, state));
  }

  function shown(state) {
    return state.all.filter((m) => Object.entries(state.filters).every(([key, set]) => {
      if (set === null) return true;
      if (key === "topics") return m.topics.some((t) => set.has(t)) || (set.size === 0);
      return set.has(String(m[key]));
    }));
  }

  function buildFilters(state, onChange) {
    const box = document.getElementById("filters");
    const facets = [["format", "format"], ["status", "status"], ["origin", "source"], ["topics", "topic"]];
    for (const [key, label] of facets) {
      const values = new Set();
      for (const m of state.all) (key === "topics" ? m.topics : [m[key]]).forEach((v) => values.add(String(v)));
      if (!values.size) continue;
      state.filters[key] = null;
      const fs = el("fieldset", { "data-facet": key });
      fs.appendChild(el("legend", {}, label));
      for (const v of [...values].sort()) {
        const lab = el("label", {});
        const cb = el("input", { type: "checkbox", value: v, checked: "checked" });
        cb.addEventListener("change", () => {
          const on = [...fs.querySelectorAll("input:checked")].map((i) => i.value);
          state.filters[key] = on.length === values.size ? null : new Set(on);
          onChange();
        });
        lab.appendChild(cb);
        lab.appendChild(document.createTextNode(" " + v + " "));
        fs.appendChild(lab);
      }
      box.appendChild(fs);
    }
  }

  function redraw(state) {
    const list = shown(state);
    drawTimeline(state, list);
    if (state.index) drawIndex(state);
    drawMap(list);
    fillMeetingTable(list);
    const hidden = state.all.length - list.length;
    status("timeline-status", list.length + " of " + state.all.length + " meetings shown" +
      (hidden ? " (" + hidden + " hidden by the filters)" : "") +
      (state.all.some((m) => !m.start_date) ? "; undated meetings are listed below only" : ""));
  }

  function drawTimeline(state, list) {
    const box = document.getElementById("timeline");
    box.textContent = "";
    const W = widthOf(box), laneH = 44, top = 10, left = 80, H = top + laneH * LANES.length + 30;
    const s = svgEl("svg", { viewBox: "0 0 " + W + " " + H, id: "timeline-svg" });
    box.appendChild(s);
    if (!state.view) { s.appendChild(svgEl("text", { x: 20, y: 40 }, "no dated meetings")); return; }
    const [v0, v1] = state.view;
    const x = (t) => left + (t - v0) / (v1 - v0) * (W - left - 20);
    const axis = svgEl("g", { class: "axis" });
    for (const [t, label] of ticks(v0, v1, Math.floor(W / 110))) {
      axis.appendChild(svgEl("line", { x1: x(t), x2: x(t), y1: top, y2: H - 24 }));
      axis.appendChild(svgEl("text", { x: x(t) + 3, y: H - 10 }, label));
    }
    s.appendChild(axis);
    LANES.forEach((lane, i) => {
      s.appendChild(svgEl("text", { class: "lane-label", x: 6, y: top + laneH * i + laneH / 2 + 4 }, lane));
    });
    for (const m of list) {
      if (!m.start_date) continue;
      const t = day(m.start_date);
      if (t < v0 || t > v1) continue;
      const lane = Math.max(0, LANES.indexOf(m.format));
      const cx = x(t), cy = top + laneH * lane + laneH / 2;
      const cls = m.status === "held" ? "held" : (m.status === "planned" ? "planned" : "other");
      const link = svgEl("a", { href: "/meeting/" + encodeURIComponent(m.id), class: "mark " + cls, "data-id": m.id });
      link.appendChild(svgEl("title", {}, [m.start_date, m.title || m.id, m.city || "", m.status].join(" · ")));
      if (m.format === "call") {
        link.appendChild(svgEl("rect", { x: cx - 6, y: cy - 6, width: 12, height: 12, transform: "rotate(45 " + cx + " " + cy + ")" }));
      } else {
        link.appendChild(svgEl("circle", { cx: cx, cy: cy, r: 7 }));
      }
      s.appendChild(link);
    }
  }

  function setupZoom(state) {
    const box = document.getElementById("timeline");
    const zoom = (factor, centre) => {
      if (!state.view) return;
      const [v0, v1] = state.view;
      const c = centre === undefined ? (v0 + v1) / 2 : centre;
      const span = Math.max(3 * DAY, (v1 - v0) * factor);
      const f = (c - v0) / (v1 - v0);
      state.view = [c - span * f, c + span * (1 - f)];
      redraw(state);
    };
    const timeAt = (clientX) => {
      const r = box.getBoundingClientRect();
      const W = widthOf(box), left = 80;
      const px = (clientX - r.left) * (W / r.width);
      const [v0, v1] = state.view;
      return v0 + (px - left) / (W - left - 20) * (v1 - v0);
    };
    box.addEventListener("wheel", (ev) => {
      if (!state.view) return;
      ev.preventDefault();
      zoom(ev.deltaY < 0 ? 0.8 : 1.25, timeAt(ev.clientX));
    }, { passive: false });
    let drag = null;
    box.addEventListener("pointerdown", (ev) => {
      if (state.view) drag = { x: ev.clientX, view: state.view.slice(), moved: false };
    });
    window.addEventListener("pointermove", (ev) => {
      if (!drag) return;
      const dx = ev.clientX - drag.x;
      if (Math.abs(dx) > 3) drag.moved = true;
      if (!drag.moved) return;
      const r = box.getBoundingClientRect();
      const dt = -dx / r.width * (drag.view[1] - drag.view[0]);
      state.view = [drag.view[0] + dt, drag.view[1] + dt];
      redraw(state);
    });
    window.addEventListener("pointerup", () => {
      if (drag && drag.moved) box.dataset.dragged = "1";
      drag = null;
    });
    box.addEventListener("click", (ev) => {
      if (box.dataset.dragged) { ev.preventDefault(); delete box.dataset.dragged; }
    }, true);
    document.getElementById("zoom-in").addEventListener("click", () => zoom(0.5));
    document.getElementById("zoom-out").addEventListener("click", () => zoom(2));
    document.getElementById("zoom-reset").addEventListener("click", () => {
      if (state.full) { state.view = state.full.slice(); redraw(state); }
    });
  }

  function loadIndex(q, state) {
    const freq = document.getElementById("freq").value;
    status("index-status", "Loading…");
    getJSON("/api/pair/index?" + q + "&freq=" + encodeURIComponent(freq)).then((body) => {
      state.index = body;
      drawIndex(state);
    }).catch((e) => status("index-status", e.message, true));
  }

  // The index over the timeline's period (it follows the zoom), meetings held marked.
  function drawIndex(state) {
    const body = state.index, meetings = shown(state);
    const box = document.getElementById("index");
    box.textContent = "";
    if (body.insufficient) {
      status("index-status", "Insufficient data: " + body.insufficient.reason);
      return;
    }
    const all = body.rows;
    const t0 = state.view ? state.view[0] : day(all[0].period);
    const t1 = state.view ? state.view[1] : day(all[all.length - 1].period) + DAY;
    const rows = all.filter((r) => day(r.period) >= t0 - 31 * DAY && day(r.period) <= t1);
    const W = widthOf(box), H = 260, left = 46, right = 46, top = 12, bottom = 28;
    const s = svgEl("svg", { viewBox: "0 0 " + W + " " + H, id: "index-svg" });
    box.appendChild(s);
    const inView = rows.filter((r) => day(r.period) >= t0);
    const nShown = inView.reduce((n, r) => n + r.n_events, 0);
    const x = (t) => left + (t - t0) / Math.max(DAY, t1 - t0) * (W - left - right);
    const maxN = Math.max(1, ...rows.map((r) => r.n_events));
    const g = rows.map((r) => r.goldstein_mean).filter((v) => v !== null);
    const gmax = Math.max(1, ...g.map(Math.abs));
    const yN = (n) => H - bottom - n / maxN * (H - top - bottom);
    const yG = (v) => top + (gmax - v) / (2 * gmax) * (H - top - bottom);
    const axis = svgEl("g", { class: "axis" });
    for (const [t, label] of ticks(t0, t1, Math.floor(W / 110))) {
      axis.appendChild(svgEl("line", { x1: x(t), x2: x(t), y1: top, y2: H - bottom }));
      axis.appendChild(svgEl("text", { x: x(t) + 3, y: H - 10 }, label));
    }
    s.appendChild(axis);
    s.appendChild(svgEl("line", { class: "zero", x1: left, x2: W - right, y1: yG(0), y2: yG(0) }));
    s.appendChild(svgEl("text", { x: 2, y: top + 10 }, "+" + gmax.toFixed(1)));
    s.appendChild(svgEl("text", { x: 2, y: H - bottom }, "-" + gmax.toFixed(1)));
    s.appendChild(svgEl("text", { x: W - right + 4, y: top + 10 }, maxN + " ev."));
    const bw = Math.max(1, (W - left - right) / Math.max(1, rows.length) - 1);
    let path = "";
    for (const r of rows) {
      const t = day(r.period);
      if (t < t0 || x(t) + bw > W - right + 1) continue;
      const bar = svgEl("rect", { class: "bar", x: x(t), y: yN(r.n_events), width: bw, height: H - bottom - yN(r.n_events) });
      bar.appendChild(svgEl("title", {}, r.period + ": " + r.n_events + " events, mean Goldstein " + (r.goldstein_mean === null ? "n/a" : r.goldstein_mean)));
      s.appendChild(bar);
      if (r.goldstein_mean !== null) {
        path += (path ? "L" : "M") + (x(t) + bw / 2).toFixed(1) + "," + yG(r.goldstein_mean).toFixed(1);
      }
    }
    if (path) s.appendChild(svgEl("path", { class: "line", d: path }));
    for (const m of meetings) {
      if (!m.start_date || m.status !== "held") continue;
      const t = day(m.start_date);
      if (t < t0 || t > t1) continue;
      const line = svgEl("line", { class: "meeting-line", x1: x(t), x2: x(t), y1: top, y2: H - bottom });
      line.appendChild(svgEl("title", {}, m.start_date + " " + (m.title || m.id)));
      s.appendChild(line);
    }
    status("index-status", nShown + " of " + body.meta.n_events + " events in the period on screen; bars: events per period, line: mean Goldstein score (−10 conflict … +10 cooperation), dashed: meetings held. " + body.method);
  }

  let land = null;
  function drawMap(list) {
    const box = document.getElementById("map");
    const W = widthOf(box), H = Math.round(W * 0.45);
    const x = (lon) => (lon + 180) / 360 * W;
    const y = (lat) => (84 - lat) / 144 * H;
    const draw = () => {
      box.textContent = "";
      const s = svgEl("svg", { viewBox: "0 0 " + W + " " + H, id: "map-svg" });
      box.appendChild(s);
      const g = svgEl("g", { class: "land" });
      for (const [lon, lat] of land || []) {
        if (lat < -60 || lat > 82) continue;
        g.appendChild(svgEl("rect", { x: x(lon), y: y(lat + 2), width: W / 180 + 0.3, height: H / 72 + 0.3 }));
      }
      s.appendChild(g);
      const venues = new Map();
      for (const m of list) {
        if (m.lat === null || m.lon === null || m.lat === undefined) continue;
        const k = m.lat.toFixed(2) + "," + m.lon.toFixed(2);
        if (!venues.has(k)) venues.set(k, []);
        venues.get(k).push(m);
      }
      for (const ms of venues.values()) {
        const m = ms[0];
        const link = svgEl("a", { class: "venue", href: "/meeting/" + encodeURIComponent(m.id) });
        link.appendChild(svgEl("title", {}, (m.city || "?") + ": " + ms.map((v) => (v.start_date || "undated") + " " + (v.title || v.id)).join("; ")));
        link.appendChild(svgEl("circle", { cx: x(m.lon), cy: y(m.lat), r: 4 + 3 * Math.sqrt(ms.length) }));
        s.appendChild(link);
        s.appendChild(svgEl("text", { class: "venue-label", x: x(m.lon) + 8, y: y(m.lat) + 4 }, m.city || ""));
      }
    };
    if (land === null) {
      getJSON("/dashboard/land.json").then((cells) => { land = cells; draw(); }).catch(() => { land = []; draw(); });
    } else {
      draw();
    }
  }

  function fillMeetingTable(list) {
    const body = document.querySelector("#meetings tbody");
    body.textContent = "";
    for (const m of list) {
      const tr = el("tr", {});
      tr.appendChild(el("td", {}, m.start_date || "undated"));
      const td = el("td", {});
      td.appendChild(el("a", { href: "/meeting/" + encodeURIComponent(m.id), class: "meeting-link" }, m.title || m.id));
      tr.appendChild(td);
      tr.appendChild(el("td", {}, [m.city, m.country].filter(Boolean).join(", ")));
      tr.appendChild(el("td", {}, m.format + (m.occasion ? " (" + m.occasion + ")" : "")));
      tr.appendChild(el("td", {}, m.status));
      tr.appendChild(el("td", {}, m.topics.join(", ")));
      tr.appendChild(el("td", {}, m.origin));
      body.appendChild(tr);
    }
  }

  // --- the event explorer -------------------------------------------------------------------
  const FILTERS = ["actor", "dyad", "type", "topic", "from", "to", "source", "dataset", "modality", "gdelt_columns", "doc_id"];

  function eventsPage() {
    const here = new URLSearchParams(location.search);
    const form = document.getElementById("event-filters");
    const params = new URLSearchParams();
    for (const k of FILTERS) {
      const v = here.get(k);
      if (!v) continue;
      params.set(k, v);
      const input = form.elements.namedItem(k);
      if (input && input.type === "checkbox") input.checked = true;
      else if (input) input.value = v;
    }
    document.getElementById("dl-csv").href = "/api/events.csv?" + params;
    document.getElementById("dl-parquet").href = "/api/events.parquet?" + params;
    const state = { sort: here.get("sort") || "event_date", desc: here.get("desc") === "true", cursors: [null], page: 0 };
    const load = () => {
      const q = new URLSearchParams(params);
      q.set("sort", state.sort);
      q.set("desc", String(state.desc));
      q.set("limit", "50");
      const c = state.cursors[state.page];
      if (c) q.set("cursor", c);
      status("events-status", "Loading…");
      getJSON("/api/events?" + q).then((body) => {
        drawEvents(body, state, () => { state.cursors = [null]; state.page = 0; load(); });
        if (state.cursors.length === state.page + 1 && body.next_cursor) state.cursors.push(body.next_cursor);
        document.getElementById("next-page").disabled = !body.next_cursor;
        document.getElementById("prev-page").disabled = state.page === 0;
        document.getElementById("page-no").textContent = "page " + (state.page + 1);
        status("events-status", body.events.length ? "" : "no events match these filters");
      }).catch((e) => status("events-status", e.message, true));
    };
    document.getElementById("next-page").addEventListener("click", () => { state.page += 1; load(); });
    document.getElementById("prev-page").addEventListener("click", () => { state.page = Math.max(0, state.page - 1); load(); });
    load();
  }

  const SORTABLE = ["event_date", "event_id", "origin", "dataset", "cameo_code", "plover_type", "quad_class", "goldstein", "source_actor_id", "target_actor_id", "modality", "location_name"];

  function drawEvents(body, state, reload) {
    const table = document.getElementById("events-table");
    const head = table.querySelector("thead"), rows = table.querySelector("tbody");
    head.textContent = "";
    rows.textContent = "";
    const tr = el("tr", {});
    for (const c of body.columns) {
      const th = el("th", {});
      if (SORTABLE.includes(c)) {
        const mark = state.sort === c ? (state.desc ? " ▼" : " ▲") : "";
        const btn = el("button", { type: "button", "data-sort": c }, c + mark);
        btn.addEventListener("click", () => {
          state.desc = state.sort === c ? !state.desc : false;
          state.sort = c;
          reload();
        });
        th.appendChild(btn);
      } else {
        th.textContent = c;
      }
      tr.appendChild(th);
    }
    head.appendChild(tr);
    for (const e of body.events) {
      const r = el("tr", {});
      for (const c of body.columns) {
        const v = e[c];
        const td = el("td", {});
        if (c === "doc_id" && v) {
          const href = "/document/" + encodeURIComponent(v) + (e.start_char !== null && e.start_char !== undefined ? "?start=" + e.start_char + "&end=" + e.end_char + "#hl" : "");
          td.appendChild(el("a", { href: href, class: "evidence" }, v.slice(0, 10) + "…"));
        } else {
          td.textContent = v === null || v === undefined ? "" : (Array.isArray(v) ? v.join(", ") : String(v));
        }
        r.appendChild(td);
      }
      rows.appendChild(r);
    }
  }

  const page = document.body.dataset.page;
  if (page === "pair") pairPage();
  if (page === "events") eventsPage();
})();
