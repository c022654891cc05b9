// daqiq web page: check an article against /api/v1/check, highlight each
// finding in a mirror drawn under the textarea, apply fixes.
//
// The textarea holds the text exactly as typed; it has a transparent
// background and sits on top of #mirror, a div with the same font, padding
// and wrapping whose text is transparent and whose <mark> elements draw the
// highlights. The server reports UTF-8 byte offsets; byteMap() turns them
// into the UTF-16 indices of JavaScript strings.
//
// The page speaks Arabic, and English when the language switch (#lang)
// says so: the texts are in i18n.js, loaded before this file.
"use strict";

(function () {
  const $ = (sel) => document.querySelector(sel);
  const text = $("#text");
  const source = $("#source"); // the wire copy, optional
  const sourceBox = $("#source-box");
  const mirror = $("#mirror");
  const dateline = $("#dateline");
  const format = $("#format");
  const lang = $("#lang");
  const formatHint = $("#format-hint");
  const unsafe = $("#unsafe");
  const findings = $("#findings");
  const noFindings = $("#no-findings");
  const summary = $("#summary");
  const status = $("#status");
  const diffBox = $("#diff");
  const template = $("#finding-template");

  const SEVERITY = {
    error: { rank: 3, label: () => tr("sev-error"), count: (n) => tr("count-error", n) },
    warning: { rank: 2, label: () => tr("sev-warning"), count: (n) => tr("count-warning", n) },
    info: { rank: 1, label: () => tr("sev-info"), count: (n) => tr("count-info", n) },
  };
  const ZWSP = "\u200b"; // gives the mirror's last line its height

  const state = {
    snapshot: null, // the text the current diagnostics refer to
    checkedSource: "", // the wire copy they were checked against
    diags: [], // diagnostics of snapshot, each with start/end UTF-16 indices
    seq: 0, // number of the latest request; older answers are dropped
    applying: false, // true while the page itself edits the textarea
    rules: {}, // language -> promise of the rules by id, loaded on demand
  };

  // ---- the page's language ----------------------------------------------

  const TEXT = window.daqiqText; // i18n.js
  // the attributes of index.html's elements that data-t-<attribute>="key"
  // translates; data-t="key" translates the element's text
  const T_ATTRS = ["placeholder", "aria-label", "title"];
  const T_SELECTOR = ["[data-t]"].concat(T_ATTRS.map((a) => "[data-t-" + a + "]")).join(", ");
  const LIVE = Symbol("daqiq.live");

  // tr is the text of key in the chosen language, args in place of {0},
  // {1} ….
  function tr(key, ...args) {
    const t = TEXT.app[key];
    const s = t ? t[lang.value] || t.ar : key;
    return s.replace(/\{(\d)\}/g, (_, i) => String(args[+i]));
  }

  // pageArabic holds index.html's own Arabic by key, read before anything
  // is translated; the finding template's texts too.
  const pageArabic = {};
  for (const scope of [document, template.content]) {
    for (const el of scope.querySelectorAll(T_SELECTOR)) {
      if (el.dataset.t) pageArabic[el.dataset.t] = el.textContent;
      for (const a of T_ATTRS) {
        const key = el.getAttribute("data-t-" + a);
        if (key) pageArabic[key] = el.getAttribute(a) || "";
      }
    }
  }

  // live writes el's text by calling write, now and again whenever the
  // language changes; its text from index.html, if any, is forgotten.
  function live(el, write) {
    el.removeAttribute("data-t");
    el[LIVE] = write;
    el.setAttribute("data-live", "");
    write();
  }

  // applyLang puts the page in the chosen language: <html lang dir>, the
  // texts of index.html (in the finding template too), and those app.js
  // wrote with live. The article's fields stay Arabic, right to left.
  function applyLang() {
    const l = lang.value === "en" ? "en" : "ar";
    const root = document.documentElement;
    if (root.lang === l) return;
    root.lang = l;
    root.dir = l === "en" ? "ltr" : "rtl";
    const pick = (key) => (l === "en" && TEXT.page[key]) || pageArabic[key] || "";
    for (const scope of [document, template.content]) {
      for (const el of scope.querySelectorAll(T_SELECTOR)) {
        if (el.dataset.t) el.textContent = pick(el.dataset.t);
        for (const a of T_ATTRS) {
          const key = el.getAttribute("data-t-" + a);
          if (key) el.setAttribute(a, pick(key));
        }
      }
    }
    for (const el of document.querySelectorAll("[data-live]")) if (el[LIVE]) el[LIVE]();
  }

  // byteMap returns a function from a UTF-8 byte offset in s to the UTF-16
  // index of the same place. It counts each code point's UTF-8 length as
  // TextEncoder does (a lone surrogate would be U+FFFD, 3 bytes, but the
  // server refuses a text that holds one: 400). An offset inside a code
  // point is moved back to its start.
  function byteMap(s) {
    const bytes = [0];
    const units = [0];
    let b = 0;
    let u = 0;
    for (const ch of s) {
      const cp = ch.codePointAt(0);
      b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      u += ch.length;
      bytes.push(b);
      units.push(u);
    }
    return function (off) {
      if (off <= 0) return 0;
      if (off >= b) return u;
      let lo = 0;
      let hi = bytes.length - 1;
      while (lo < hi) {
        // the last code point boundary <= off
        const mid = (lo + hi + 1) >> 1;
        if (bytes[mid] <= off) lo = mid;
        else hi = mid - 1;
      }
      return units[lo];
    };
  }

  // dirOf gives the direction of a message or a doc text: the rules write
  // English sentences quoting Arabic words, which read wrong right to left.
  // The side with more letters wins; a tie stays right to left.
  function dirOf(s) {
    const latin = (s.match(/[A-Za-z]/g) || []).length;
    const arabic = (s.match(/[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff\u0750-\u077f]/g) || []).length;
    return latin > arabic ? "ltr" : "rtl";
  }

  // setMixed writes s into el with its direction. In an English sentence
  // each Arabic phrase (with its digits) is isolated in a <bdi>, so that
  // the quotes, colons and numbers around it keep their places.
  const ARABIC_RUN = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff](?:[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff\u200c\u200d\s\d\u060c\u061b\u061f\u066b\u066c.\/-]*[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff\d])?/g;
  function setMixed(el, s) {
    el.dir = dirOf(s);
    el.textContent = "";
    if (el.dir === "rtl") {
      el.textContent = s;
      return;
    }
    let last = 0;
    for (const m of s.matchAll(ARABIC_RUN)) {
      if (m.index > last) el.appendChild(document.createTextNode(s.slice(last, m.index)));
      const bdi = document.createElement("bdi");
      bdi.dir = "rtl";
      bdi.textContent = m[0];
      el.appendChild(bdi);
      last = m.index + m[0].length;
    }
    if (last < s.length) el.appendChild(document.createTextNode(s.slice(last)));
  }

  // visible shows the flagged text with its whitespace and invisible
  // characters made visible (trailing spaces, a no-break space, a bidi
  // control), for the list only.
  function visible(s) {
    if (s === "") return "∅";
    return s.replace(/[\s\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu, (c) => {
      if (c === " ") return /^ +$/.test(s) || /^ | $/.test(s) ? "␣" : " ";
      if (c === "\n") return "↵";
      if (c === "\t") return "⇥";
      return "[U+" + c.codePointAt(0).toString(16).toUpperCase().padStart(4, "0") + "]";
    });
  }

  // setStatus writes the status line: msg is a function that gives it in
  // the chosen language (called again when the language changes), or a
  // text to write as it is.
  let statusMsg = () => "";
  function setStatus(msg, kind) {
    statusMsg = typeof msg === "function" ? msg : () => msg;
    const m = statusMsg;
    live(status, () => (status.textContent = m()));
    status.className = "status" + (kind ? " " + kind : "");
  }

  // api calls the server with the chosen language in the query string too
  // (?lang=), so that an error found before the body is read, or in a body
  // cut at the limit, is answered in it.
  async function api(path, body) {
    const url = /[?&]lang=/.test(path) ? path : path + (path.includes("?") ? "&" : "?") + "lang=" + encodeURIComponent(lang.value);
    const res = await fetch(url, {
      method: body === undefined ? "GET" : "POST",
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const raw = await res.text();
    if (!res.ok) {
      let msg = raw;
      try {
        const j = JSON.parse(raw);
        msg = j.error || j.message || raw;
      } catch (_) {
        /* not JSON: show it as is */
      }
      throw new Error(res.status + ": " + msg.trim());
    }
    return JSON.parse(raw);
  }

  // request is the body of a check or fix of t; the wire copy, when
  // given, goes as source, which the source rules compare t with.
  function request(t, src) {
    const body = {
      text: t,
      format: format.value,
      dateline: dateline.value || "",
      unsafe: unsafe.checked,
      lang: lang.value,
    };
    if (src) body.source = src;
    return body;
  }

  // ---- the mirror -------------------------------------------------------

  function plainMirror(t) {
    mirror.textContent = t + ZWSP;
  }

  // drawMirror writes t into the mirror with one <mark> per stretch of text
  // covered by the same findings, classed by the highest severity among
  // them. An empty span gets an empty mark drawn as a thin bar.
  function drawMirror(t, diags) {
    const frag = document.createDocumentFragment();
    const cuts = new Set([0, t.length]);
    const points = new Map(); // index -> diagnostics with an empty span
    diags.forEach((d, i) => {
      cuts.add(d.start);
      if (d.start === d.end) {
        if (!points.has(d.start)) points.set(d.start, []);
        points.get(d.start).push(i);
      } else {
        cuts.add(d.end);
      }
    });
    const sorted = [...cuts].sort((a, b) => a - b);
    for (let k = 0; k < sorted.length; k++) {
      const a = sorted[k];
      for (const i of points.get(a) || []) {
        frag.appendChild(markFor([i], "", " point"));
      }
      if (k + 1 === sorted.length) break;
      const b = sorted[k + 1];
      const seg = t.slice(a, b);
      const cover = [];
      diags.forEach((d, i) => {
        if (d.start < d.end && d.start <= a && d.end >= b) cover.push(i);
      });
      if (cover.length === 0) frag.appendChild(document.createTextNode(seg));
      else frag.appendChild(markFor(cover, seg, cover.length > 1 ? " multi" : ""));
    }
    frag.appendChild(document.createTextNode(ZWSP));
    mirror.textContent = "";
    mirror.appendChild(frag);
  }

  function markFor(cover, seg, extra) {
    let sev = "info";
    for (const i of cover) {
      const s = state.diags[i].severity;
      if ((SEVERITY[s] || SEVERITY.info).rank > SEVERITY[sev].rank) sev = s;
    }
    const m = document.createElement("mark");
    m.className = "hl " + sev + extra;
    m.dataset.finding = cover.join(" ");
    m.textContent = seg;
    return m;
  }

  // ---- the findings list -------------------------------------------------

  function render(t, diags) {
    const toIndex = byteMap(t);
    state.snapshot = t;
    state.diags = diags.map((d) => {
      const start = toIndex(d.offset);
      const end = Math.max(start, toIndex(d.end_offset));
      const flagged = typeof d.text === "string" ? d.text : t.slice(start, end);
      return Object.assign({}, d, { start, end, text: flagged, suggestions: d.suggestions || [] });
    });
    drawMirror(t, state.diags);
    // the explanations open before stay open, in the chosen language
    const open = new Set();
    for (const li of findings.querySelectorAll(".finding")) {
      if (!li.querySelector(".doc").hidden) open.add(li.dataset.rule + "\n" + li.dataset.text);
    }
    findings.textContent = "";
    findings.classList.remove("stale");
    const counts = { error: 0, warning: 0, info: 0 };
    state.diags.forEach((d, i) => {
      counts[d.severity] = (counts[d.severity] || 0) + 1;
      const li = findingItem(d, i);
      findings.appendChild(li);
      if (open.has(d.rule + "\n" + d.text)) toggleDoc(li, d.rule, li.querySelector(".explain"));
    });
    live(summary, () => {
      summary.textContent = diags.length
        ? Object.keys(SEVERITY)
            .filter((s) => counts[s])
            .map((s) => SEVERITY[s].count(counts[s]))
            .join(" · ")
        : "";
    });
    noFindings.hidden = diags.length > 0;
    live(noFindings, () => (noFindings.textContent = tr("no-findings-clean")));
  }

  function findingItem(d, i) {
    const li = template.content.firstElementChild.cloneNode(true);
    const sev = SEVERITY[d.severity] ? d.severity : "info";
    li.id = "finding-" + i;
    li.tabIndex = -1;
    li.classList.add(sev);
    li.dataset.index = i;
    li.dataset.rule = d.rule;
    li.dataset.text = d.text;
    li.dataset.severity = sev;
    const sevEl = li.querySelector(".sev");
    live(sevEl, () => (sevEl.textContent = SEVERITY[sev].label()));
    li.querySelector(".rule").textContent = d.rule;
    const where = li.querySelector(".where");
    live(where, () => (where.textContent = tr("where", d.line, d.column)));
    setMixed(li.querySelector(".message"), d.message);
    li.querySelector(".text").textContent = visible(d.text);
    const box = li.querySelector(".suggestions");
    const sugs = d.suggestions || [];
    sugs.forEach((s, k) => {
      const btn = document.createElement("button");
      btn.type = "button";
      btn.className = "apply" + (k === 0 ? " first" : "");
      btn.dataset.suggestion = k;
      live(btn, () => {
        btn.textContent = s === "" ? tr("apply-delete") : tr("apply", visible(s));
        btn.setAttribute("aria-label", s === "" ? tr("apply-delete-label", d.text) : tr("apply-label", visible(s), d.text));
      });
      btn.addEventListener("click", () => applySuggestion(i, k));
      box.appendChild(btn);
    });
    if (sugs.length) {
      const tag = document.createElement("span");
      tag.className = "safety " + (d.safe ? "safe" : "unsafe");
      live(tag, () => (tag.textContent = (d.safe ? tr("fix-safe") : tr("fix-unsafe"))));
      box.appendChild(tag);
    }
    li.querySelector(".locate").addEventListener("click", () => locate(i));
    const explain = li.querySelector(".explain");
    explain.addEventListener("click", () => toggleDoc(li, d.rule, explain));
    return li;
  }

  // markStale greys the findings out: the text (or, with source, the
  // wire copy) has changed since they were found.
  function markStale(source) {
    if (state.snapshot === null || findings.classList.contains("stale")) return;
    findings.classList.add("stale");
    for (const b of findings.querySelectorAll(".apply")) b.disabled = true;
    setStatus(() => (source ? tr("stale-source") : tr("stale-text")), "warn");
  }

  function locate(i) {
    const d = state.diags[i];
    if (!d || text.value !== state.snapshot) return;
    const m = mirror.querySelector('mark[data-finding~="' + i + '"]');
    if (m) m.scrollIntoView({ block: "center", behavior: "smooth" });
    text.focus({ preventScroll: true });
    text.setSelectionRange(d.start, d.end);
    showCurrent();
  }

  // showCurrent marks the findings under the caret, in the text and the list.
  function showCurrent() {
    for (const el of document.querySelectorAll(".current")) el.classList.remove("current");
    if (text.value !== state.snapshot) return;
    const a = text.selectionStart;
    const b = text.selectionEnd;
    state.diags.forEach((d, i) => {
      const hit = a === b ? d.start <= a && a <= d.end : d.start < b && a < d.end;
      if (!hit) return;
      const li = document.getElementById("finding-" + i);
      if (li) li.classList.add("current");
      for (const m of mirror.querySelectorAll('mark[data-finding~="' + i + '"]')) m.classList.add("current");
    });
  }

  // ---- rule documentation ------------------------------------------------

  // loadRules loads the rules in language l from /api/v1/rules?lang=l,
  // once per language.
  function loadRules(l) {
    if (!state.rules[l]) {
      const p = api("/api/v1/rules?lang=" + encodeURIComponent(l)).then((j) => {
        const byId = new Map();
        for (const r of j.rules || []) byId.set(r.id, r);
        return byId;
      });
      state.rules[l] = p;
      p.catch(() => {
        if (state.rules[l] === p) delete state.rules[l]; // try again next time
      });
    }
    return state.rules[l];
  }

  async function toggleDoc(li, id, btn) {
    const box = li.querySelector(".doc");
    if (!box.hidden) {
      box.hidden = true;
      btn.setAttribute("aria-expanded", "false");
      return;
    }
    box.hidden = false;
    btn.setAttribute("aria-expanded", "true");
    if (box.dataset.lang !== lang.value) await fillDoc(box, id);
  }

  // refreshDocs writes the open explanations again in the chosen language;
  // the closed ones are written again when opened.
  function refreshDocs() {
    for (const li of findings.querySelectorAll(".finding")) {
      const box = li.querySelector(".doc");
      if (!box.hidden && box.dataset.lang !== lang.value) fillDoc(box, li.dataset.rule);
    }
  }

  // fillDoc writes the explanation of rule id into box, in the chosen
  // language; an answer for a language no longer chosen is dropped.
  async function fillDoc(box, id) {
    const l = lang.value;
    delete box.dataset.lang;
    box.textContent = tr("doc-loading");
    try {
      const r = (await loadRules(l)).get(id);
      if (lang.value !== l) return;
      box.textContent = "";
      if (!r) {
        box.textContent = tr("doc-none");
        return;
      }
      const add = (tag, cls, content) => {
        const el = document.createElement(tag);
        if (cls) el.className = cls;
        setMixed(el, content);
        box.appendChild(el);
        return el;
      };
      add("p", "meta", [r.category, r.kind, r.level, r.enabled === false ? tr("doc-disabled") : ""].filter(Boolean).join(" · "));
      if (r.summary) add("p", "summary-line", r.summary);
      const doc = r.doc || {};
      const parts = [
        ["what", tr("doc-what")],
        ["why", tr("doc-why")],
        ["wrong", tr("doc-wrong")],
        ["right", tr("doc-right")],
        ["fix", tr("doc-fix")],
      ];
      const dl = document.createElement("dl");
      for (const [k, title] of parts) {
        if (!doc[k]) continue;
        const dt = document.createElement("dt");
        dt.textContent = title;
        const dd = document.createElement("dd");
        dd.className = k;
        setMixed(dd, doc[k]);
        dl.append(dt, dd);
      }
      box.appendChild(dl);
      box.dataset.lang = l;
    } catch (e) {
      if (lang.value === l) box.textContent = tr("rules-failed", e.message);
    }
  }

  // ---- editing -----------------------------------------------------------

  // replaceRange puts s in place of text[a:b] through the editing commands,
  // so that Ctrl+Z undoes it, and falls back on setting the value.
  function replaceRange(a, b, s) {
    const before = text.value;
    const want = before.slice(0, a) + s + before.slice(b);
    state.applying = true;
    try {
      text.focus({ preventScroll: true });
      text.setSelectionRange(a, b);
      let ok = false;
      try {
        ok = document.execCommand(s === "" ? "delete" : "insertText", false, s);
      } catch (_) {
        ok = false;
      }
      if (!ok || text.value !== want) text.value = want;
      text.setSelectionRange(a + s.length, a + s.length);
    } finally {
      state.applying = false;
    }
    plainMirror(text.value);
    return before;
  }

  async function applySuggestion(i, k) {
    const d = state.diags[i];
    if (!d || text.value !== state.snapshot) {
      markStale();
      return;
    }
    const s = (d.suggestions || [])[k];
    if (s === undefined) return;
    const current = text.value.slice(d.start, d.end);
    if (current !== d.text) {
      setStatus(() => tr("apply-mismatch", current, d.text), "error");
      return;
    }
    const before = replaceRange(d.start, d.end, s);
    markStale();
    showDiff(lineDiff(before, text.value, d.start, d.end, d.start + s.length), () => tr("diff-caption", visible(d.text), visible(s)));
    setStatus(() => (s === "" ? tr("applied-delete", visible(d.text)) : tr("applied", visible(s), visible(d.text))));
    await check({ focusIndex: i });
  }

  async function applySafe() {
    const t = text.value;
    const src = source.value;
    const my = ++state.seq;
    setBusy(true);
    setStatus(() => tr("fixing"));
    try {
      const j = await api("/api/v1/fix", request(t, src));
      if (my !== state.seq) return;
      if (text.value !== t || source.value !== src) {
        setStatus(() => tr("fix-raced"), "warn");
        return;
      }
      state.checkedSource = src;
      const fixed = typeof j.text === "string" ? j.text : t;
      if (fixed !== t) {
        const back = document.activeElement;
        replaceRange(0, t.length, fixed);
        if (back && back !== text) back.focus(); // keep the keyboard on the button
      }
      render(fixed, j.diagnostics || []);
      const n = j.fixes || 0;
      if (n > 0 || j.diff) {
        showDiff(j.diff || "", null);
        const left = state.diags.length;
        setStatus(() => tr("fixed", n, left), "ok");
      } else {
        const left = state.diags.length;
        setStatus(() => tr("no-safe-fixes", left));
      }
    } catch (e) {
      if (my === state.seq) setStatus(() => tr("fix-failed", e.message), "error");
    } finally {
      if (my === state.seq) setBusy(false);
    }
  }

  // ---- checking ----------------------------------------------------------

  function setBusy(on) {
    document.body.classList.toggle("busy", on);
    findings.setAttribute("aria-busy", on ? "true" : "false");
  }

  async function check(opts) {
    const t = text.value;
    const src = source.value;
    const my = ++state.seq;
    setBusy(true);
    if (!opts || opts.focusIndex === undefined) setStatus(() => tr("checking"));
    try {
      const j = await api("/api/v1/check", request(t, src));
      if (my !== state.seq) return;
      if (text.value !== t) {
        markStale();
        return;
      }
      state.checkedSource = src;
      render(t, j.diagnostics || []);
      const n = state.diags.length;
      setStatus(() => (n ? tr("checked", n) : tr("checked-none")), n ? "" : "ok");
      if (source.value !== src) markStale(true); // typed in while it was checked
      if (opts && opts.focusIndex !== undefined) {
        // after an apply, keep the keyboard in the list, where the applied
        // finding was
        const items = findings.querySelectorAll(".finding");
        const next = items[Math.min(opts.focusIndex, items.length - 1)];
        (next || $("#findings-title")).focus();
      }
    } catch (e) {
      if (my === state.seq) setStatus(() => tr("check-failed", e.message), "error");
    } finally {
      if (my === state.seq) setBusy(false);
    }
  }

  // ---- the diff view -----------------------------------------------------

  // lineDiff shows the lines of one replacement: before[a:b] became
  // after[a:c].
  function lineDiff(before, after, a, b, c) {
    const ls = before.lastIndexOf("\n", a - 1) + 1;
    const le1 = before.indexOf("\n", b);
    const le2 = after.indexOf("\n", c);
    const oldLines = before.slice(ls, le1 < 0 ? before.length : le1).split("\n");
    const newLines = after.slice(ls, le2 < 0 ? after.length : le2).split("\n");
    const line = before.slice(0, ls).split("\n").length;
    return (
      "@@ -" + line + "," + oldLines.length + " +" + line + "," + newLines.length + " @@\n" +
      oldLines.map((l) => "-" + l).join("\n") + "\n" +
      newLines.map((l) => "+" + l).join("\n") + "\n"
    );
  }

  // showDiff shows diff, under caption, a function that gives the caption
  // in the chosen language (or null: none).
  function showDiff(diff, caption) {
    diffBox.textContent = "";
    if (caption) {
      const p = document.createElement("p");
      p.className = "caption";
      live(p, () => (p.textContent = caption()));
      diffBox.appendChild(p);
    }
    if (!diff) {
      const p = document.createElement("p");
      p.className = "empty";
      live(p, () => (p.textContent = tr("diff-empty")));
      diffBox.appendChild(p);
      return;
    }
    const pre = document.createElement("pre");
    const lines = diff.replace(/\n$/, "").split("\n");
    for (const l of lines) {
      const div = document.createElement("div");
      let cls = "ctx";
      if (l.startsWith("+++") || l.startsWith("---")) cls = "file";
      else if (l.startsWith("@@")) cls = "hunk";
      else if (l.startsWith("+")) cls = "add";
      else if (l.startsWith("-")) cls = "del";
      div.className = cls;
      div.dir = cls === "file" || cls === "hunk" ? "ltr" : "auto";
      div.textContent = l === "" ? " " : l;
      pre.appendChild(div);
    }
    diffBox.appendChild(pre);
  }

  // ---- copy and download -------------------------------------------------

  async function copyText() {
    const t = text.value;
    try {
      await navigator.clipboard.writeText(t);
      setStatus(() => tr("copied"), "ok");
    } catch (_) {
      text.focus();
      text.select();
      const ok = document.execCommand("copy");
      setStatus(() => (ok ? tr("copied") : tr("copy-failed")), ok ? "ok" : "error");
    }
  }

  function downloadText() {
    const blob = new Blob([text.value], { type: "text/plain;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = "daqiq.txt";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setStatus(() => tr("downloaded"), "ok");
  }

  // ---- the publication date and the format --------------------------------

  // validDate tells whether s is an existing date written YYYY-MM-DD.
  function validDate(s) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m) return false;
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
  }

  // showDate writes the chosen date out in Arabic beside the picker, with
  // its Hijri (Umm al-Qura) date, in the digits the copy uses.
  function showDate() {
    const box = $("#dateline-shown");
    const v = dateline.value;
    if (!validDate(v)) {
      box.hidden = true;
      return;
    }
    const [y, m, d] = v.split("-").map(Number);
    const day = new Date(Date.UTC(y, m - 1, d));
    const fmt = (locale, style) => {
      try {
        return new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: "UTC" }).format(day);
      } catch (_) {
        return "";
      }
    };
    $("#dateline-ar").textContent = fmt("ar-u-nu-latn", "full");
    const hijri = fmt("ar-u-ca-islamic-umalqura-nu-latn", "long");
    $("#dateline-hijri").textContent = hijri;
    box.querySelector(".hijri").hidden = hijri === "";
    box.hidden = false;
  }

  // looksLikeHTML: a pasted text that opens with a tag, a comment or a
  // doctype.
  function looksLikeHTML(s) {
    return /^\s*<(?:[A-Za-z]|!--|!doctype)/i.test(s);
  }

  // fromFragment fills the fields from the URL fragment a CMS links to,
  // #text=…&date=YYYY-MM-DD&format=txt|md|html&lang=ar|en&source=…
  // (form-encoded: %20 or + for a space; source is the wire copy, which
  // opens its box), and checks the text if there is one.
  function fromFragment() {
    const h = location.hash.replace(/^#/, "");
    if (!/(?:^|&)(?:text|date|format|lang|source)=/.test(h)) return;
    const p = new URLSearchParams(h);
    const bad = [];
    if (p.has("format")) {
      const f = p.get("format");
      if (["txt", "md", "html"].includes(f)) format.value = f;
      else bad.push(() => tr("link-format", f));
    }
    if (p.has("lang")) {
      const l = p.get("lang");
      if (["ar", "en"].includes(l)) {
        lang.value = l;
        applyLang();
        refreshDocs();
      } else {
        bad.push(() => tr("link-lang", l));
      }
    }
    if (p.has("date")) {
      const d = p.get("date");
      if (d === "" || validDate(d)) dateline.value = d;
      else bad.push(() => tr("link-date", d));
    }
    showDate();
    formatHint.hidden = true;
    if (p.has("source")) {
      source.value = p.get("source");
      if (source.value !== "") sourceBox.open = true;
    }
    if (p.has("text")) {
      text.value = p.get("text");
      state.snapshot = null;
      plainMirror(text.value);
    }
    const warn = bad.length ? () => tr("link-ignored", bad.map((b) => b()).join(tr("link-sep"))) : null;
    if (p.has("text") && text.value !== "") {
      check().then(() => {
        // the link's warning before the check's status
        const after = statusMsg;
        if (warn) setStatus(() => warn() + " " + after(), "warn");
      });
    } else if (warn) {
      setStatus(warn, "warn");
    }
  }

  // ---- wiring ------------------------------------------------------------

  text.addEventListener("input", () => {
    if (state.applying) return;
    if (state.snapshot !== null && text.value === state.snapshot && source.value === state.checkedSource) {
      // back to the checked text (an undo): the findings hold again
      render(state.snapshot, state.diags);
      setStatus("");
      return;
    }
    plainMirror(text.value);
    markStale();
  });
  for (const ev of ["click", "keyup", "select", "focus"]) text.addEventListener(ev, showCurrent);
  // the findings were found against the wire copy as it was
  source.addEventListener("input", () => {
    if (source.value !== state.checkedSource) markStale(true);
  });
  // The textarea is always as tall as the mirror, so it never needs to
  // scroll; a scroll the browser makes to show the caret while the mirror
  // catches up would shift the text off its highlights.
  text.addEventListener("scroll", () => {
    if (text.scrollTop !== 0) text.scrollTop = 0;
    if (text.scrollLeft !== 0) text.scrollLeft = 0;
  });

  $("#check").addEventListener("click", () => check());
  $("#apply-safe").addEventListener("click", applySafe);
  $("#copy").addEventListener("click", copyText);
  $("#download").addEventListener("click", downloadText);
  dateline.addEventListener("change", () => {
    showDate();
    if (state.snapshot !== null) check();
  });
  for (const sel of [format, lang]) {
    sel.addEventListener("change", () => {
      if (sel === format) formatHint.hidden = true;
      if (sel === lang) {
        applyLang(); // the page's texts
        refreshDocs(); // the explanations shown
      }
      if (state.snapshot !== null) check();
    });
  }
  // Pasting HTML into a plain-text check would flag, and "fix", what is
  // inside <script> and <pre>: offer the HTML format instead.
  text.addEventListener("paste", (e) => {
    const pasted = e.clipboardData ? e.clipboardData.getData("text/plain") : "";
    formatHint.hidden = !(format.value === "txt" && looksLikeHTML(pasted));
  });
  $("#use-html").addEventListener("click", () => {
    format.value = "html";
    formatHint.hidden = true;
    text.focus();
    check();
  });
  window.addEventListener("hashchange", fromFragment);
  document.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      check();
    }
  });

  plainMirror(text.value);
  if (source.value !== "") sourceBox.open = true; // a wire copy the browser kept on reload
  showDate(); // a date the browser kept on reload
  applyLang(); // a language the browser kept on reload
  fromFragment();
  // exposed for tests and the console
  window.daqiq = { byteMap, check, state };
})();
