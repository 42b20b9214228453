// The timeline page of `dateline serve`. Its state (query, date range, number
// of dates) lives in the URL; it draws the timeline with vis-timeline when
// that library was built in, lists each date's sentences with their sources,
// explains a sentence's date on a click, exports, and follows ingest jobs
// through server-sent events.
//
// Article text is untrusted: everything from the API reaches the page as
// text nodes (textContent), never as markup, and a source becomes a link
// only when the server passed its URL as a link (IsSafeLinkUrl) and it is an
// absolute http(s) address.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  // The page's state, as the URL holds it; empty values and defaults stay out of it.
  const defaults = { q: "", from: "", to: "", dates: "10", sentences: "2" };
  const state = Object.assign({}, defaults);
  let token = sessionStorage.getItem("dateline-token") || "";
  let drawing = null;
  let lastTimeline = null;
  let reloadTimer = null;

  // --- API -----------------------------------------------------------------

  function headers() {
    return token ? { Authorization: "Bearer " + token } : {};
  }

  async function api(path) {
    const response = await fetch(path, { headers: headers() });
    if (response.status === 401) {
      $("token-form").hidden = false;
      throw new Error("this server needs a token");
    }
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const message = body && body.error ? body.error.message : response.statusText;
      throw new Error(message);
    }
    return body;
  }

  function timelineQuery(format) {
    const p = new URLSearchParams();
    if (state.q) p.set("q", state.q);
    if (state.from) p.set("from", state.from);
    if (state.to) p.set("to", state.to);
    if (state.dates) p.set("dates", state.dates);
    if (state.sentences) p.set("sentences", state.sentences);
    p.set("format", format);
    return "/v1/timeline?" + p.toString();
  }

  // --- URL state -----------------------------------------------------------

  function readUrl() {
    const p = new URLSearchParams(location.search);
    for (const key of Object.keys(state)) {
      state[key] = p.get(key) || defaults[key];
      $(key).value = state[key];
    }
  }

  function writeUrl() {
    const p = new URLSearchParams();
    for (const [key, value] of Object.entries(state)) {
      if (value && value !== defaults[key]) p.set(key, value);
    }
    const search = p.toString();
    history.pushState(null, "", search ? "?" + search : location.pathname);
  }

  // --- Rendering (text only) -------------------------------------------------

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // A source URL is followed only when the server gave it as a `link` (its
  // IsSafeLinkUrl) and it is absolute http(s): no javascript:, data: or
  // relative links from article data.
  function safeUrl(url) {
    try {
      const parsed = new URL(url);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  function outlet(source) {
    const url = safeUrl(source.link || "");
    if (url) return new URL(url).hostname.replace(/^www\./, "");
    const name = source.source || "";
    return name.split(/[\\/]/).pop() || name;
  }

  function renderSource(source) {
    const item = el("li", "source");
    const label = (source.title ? source.title + " — " : "") + outlet(source);
    const url = safeUrl(source.link || "");
    if (url) {
      const a = el("a", null, label);
      a.href = url;
      a.rel = "noopener noreferrer nofollow";
      a.target = "_blank";
      item.appendChild(a);
    } else {
      item.appendChild(el("span", null, label));
    }
    if (source.published) item.appendChild(document.createTextNode(" (" + source.published + ")"));
    return item;
  }

  function renderSentence(sentence) {
    const box = el("div", "sentence");
    const text = el("button", "text" + (sentence.weak_date ? " weak" : ""), sentence.text);
    text.type = "button";
    text.title = "How was this dated?";
    text.addEventListener("click", () => explain(box, sentence));
    box.appendChild(text);
    const sources = el("ul", "sources");
    const list = sentence.sources || [];
    list.forEach((s) => sources.appendChild(renderSource(s)));
    if (list.length > 1) {
      const n = list.length - 1;
      sources.appendChild(el("li", "copies", n + (n === 1 ? " syndicated copy merged" : " syndicated copies merged")));
    }
    box.appendChild(sources);
    return box;
  }

  function renderList(timeline) {
    const list = $("timeline");
    list.replaceChildren();
    for (const day of timeline.dates) {
      const item = el("li", "date");
      item.id = "d-" + day.date;
      item.dataset.date = day.date;
      const heading = el("h2", null, day.date);
      heading.appendChild(el("span", "score", "score " + Number(day.score).toFixed(2)));
      item.appendChild(heading);
      day.sentences.forEach((s) => item.appendChild(renderSentence(s)));
      list.appendChild(item);
    }
  }

  function renderDrawing(timeline) {
    const container = $("drawing");
    if (typeof vis === "undefined" || !vis.Timeline) return Promise.resolve();  // built without it
    const items = timeline.dates.map((day) => {
      // An element, not a string: vis-timeline would read a string as HTML.
      // The day alone keeps labels short enough not to pile up; the list
      // below has the sentences.
      const content = document.createElement("span");
      content.textContent = new Date(day.date + "T00:00:00Z").toLocaleDateString("en-GB", {
        day: "numeric", month: "short", timeZone: "UTC" });
      return { id: day.date, start: day.date, content: content, type: "point" };
    });
    if (drawing) drawing.destroy();
    drawing = null;
    container.replaceChildren();
    if (!items.length) return Promise.resolve();
    // The window: every date, with a margin so that the labels of the first
    // and last ones fit.
    const days = timeline.dates.map((d) => Date.parse(d.date));
    const first = Math.min(...days), last = Math.max(...days);
    const margin = Math.max((last - first) * 0.08, 3 * 86400000);
    // The library draws in animation frames; the page counts as loaded once
    // it has drawn.
    let drawn;
    const done = new Promise((resolve) => {
      drawn = resolve;
      setTimeout(resolve, 5000);
    });
    drawing = new vis.Timeline(container, items, {
      onInitialDrawComplete: () => drawn(),
      maxHeight: 320, zoomKey: "ctrlKey", selectable: true,
      showCurrentTime: false, stack: true,
      start: new Date(first - margin), end: new Date(last + margin * 3),
    });
    drawing.on("select", (event) => {
      const node = document.getElementById("d-" + event.items[0]);
      if (!node) return;
      node.scrollIntoView({ behavior: "smooth", block: "start" });
      node.classList.remove("flash");
      void node.offsetWidth;
      node.classList.add("flash");
    });
    return done;
  }

  async function explain(box, sentence) {
    const old = box.querySelector(".detail");
    if (old) {
      old.remove();
      return;
    }
    const detail = el("div", "detail", "…");
    box.insertBefore(detail, box.children[1]);
    try {
      const s = await api("/v1/sentences/" + encodeURIComponent(sentence.id));
      detail.replaceChildren();
      const chars = Array.from(s.text);  // spans count code points
      const dating = s.dated_by === null ? null : s.expressions[s.dated_by];
      if (dating) {
        const line = el("p", "dating");
        line.appendChild(el("mark", null, "« " + dating.text + " »"));
        line.appendChild(document.createTextNode(" → "));
        line.appendChild(el("span", "value", dating.value));
        if (s.dct) line.appendChild(document.createTextNode(", DCT " + s.dct));
        detail.appendChild(line);
        const quote = el("p", "quote");
        quote.appendChild(document.createTextNode(chars.slice(0, dating.begin).join("")));
        quote.appendChild(el("mark", null, chars.slice(dating.begin, dating.end).join("")));
        quote.appendChild(document.createTextNode(chars.slice(dating.end).join("")));
        detail.appendChild(quote);
      } else {
        detail.appendChild(el("p", "dating", "No expression of its own dates this sentence: it takes its article's date, " + (s.dct || "unknown") + "."));
      }
      const others = s.expressions.filter((e, i) => i !== s.dated_by);
      if (others.length) {
        detail.appendChild(el("p", "others", "Also: " + others.map((e) => "« " + e.text + " » " + e.value).join("; ")));
      }
    } catch (error) {
      detail.textContent = "Cannot explain this sentence: " + error.message;
    }
  }

  // --- Loading -------------------------------------------------------------

  async function load() {
    $("status").textContent = "Loading…";
    try {
      const timeline = await api(timelineQuery("json"));
      lastTimeline = timeline;
      renderList(timeline);
      await renderDrawing(timeline);
      const n = timeline.dates.length;
      $("status").textContent = n ? n + (n === 1 ? " date" : " dates") + (state.q ? " for " + state.q : "") : "No dated sentences" + (state.q ? " for " + state.q : "") + ".";
      document.body.dataset.loaded = String(Date.now());
    } catch (error) {
      $("status").textContent = "Error: " + error.message;
    }
  }

  function scheduleReload() {
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(load, 400);
  }

  async function download(format) {
    try {
      const response = await fetch(timelineQuery(format) + "&download=1", { headers: headers() });
      if (!response.ok) throw new Error(response.statusText);
      const blob = await response.blob();
      const a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = "timeline." + ({ json: "json", timelinejs: "timelinejs.json", tilse: "txt", md: "md" })[format];
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    } catch (error) {
      $("status").textContent = "Export failed: " + error.message;
    }
  }

  // --- Live updates: server-sent events, read with fetch so that the token
  // can go in a header rather than in the URL. ---------------------------------

  function inRange(day) {
    return (!state.from || day >= state.from) && (!state.to || day <= state.to);
  }

  function onEvent(name, data) {
    if (name === "job") {
      const p = data.progress || {};
      $("live").textContent = "Ingest " + (data.name || "job " + data.id) + ": " + data.state + ", " + (p.committed || 0) + " articles stored";
    } else if (name === "timeline") {
      if ((data.changed_days || []).some(inRange)) scheduleReload();
    }
  }

  async function follow() {
    for (;;) {
      try {
        const response = await fetch("/v1/events", { headers: headers() });
        if (!response.ok || !response.body) throw new Error(String(response.status));
        document.body.dataset.live = "1";
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let name = "message", data = "";
            for (const line of block.split("\n")) {
              if (line.startsWith("event: ")) name = line.slice(7);
              else if (line.startsWith("data: ")) data += line.slice(6);
            }
            if (data) {
              try { onEvent(name, JSON.parse(data)); } catch (e) { /* not ours */ }
            }
          }
        }
      } catch (error) {
        document.body.dataset.live = "0";
      }
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  }

  // --- Wiring --------------------------------------------------------------

  $("filters").addEventListener("submit", (event) => {
    event.preventDefault();
    for (const key of Object.keys(state)) state[key] = $(key).value.trim();
    writeUrl();
    load();
  });
  $("token-form").addEventListener("submit", (event) => {
    event.preventDefault();
    token = $("token").value.trim();
    sessionStorage.setItem("dateline-token", token);
    $("token-form").hidden = true;
    load();
  });
  for (const button of document.querySelectorAll("#exports button")) {
    button.addEventListener("click", () => download(button.dataset.format));
  }
  window.addEventListener("popstate", () => {
    readUrl();
    load();
  });

  readUrl();
  load();
  follow();
})();
