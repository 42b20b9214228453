// Browser tests of the timeline page in headless Chromium (Debian's
// `chromium`, driven by puppeteer-core): the demo corpus's timeline, the
// search box and the date filter with their state in the URL, sources as
// links, the explanation of a sentence's date, exports, an ingest that
// appears live through server-sent events, and hostile article text that
// runs no script. Screenshots go to $DATELINE_TEST_OUT (default
// build/web-test). The server runs on loopback; the browser has no network
// beyond it.
//
//   DATELINE_BINARY=build/dateline node --test web/test/
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { spawn, execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const puppeteer = require("puppeteer-core");

const root = path.resolve(__dirname, "..", "..");
const binary = process.env.DATELINE_BINARY || path.join(root, "build", "dateline");
const out = process.env.DATELINE_TEST_OUT || path.join(root, "build", "web-test");
const chromium = process.env.CHROMIUM || "/usr/bin/chromium";

let work, server, base, browser;

// Every test and hook ends by itself: a hung browser or server fails the test
// after this long instead of holding CI (each test takes a few seconds here;
// puppeteer's own waits give up after 30 s).
const bounded = { timeout: 120000 };

function startServer(db) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ["serve", "--listen", "127.0.0.1:0", "--db", db], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    const timer = setTimeout(() => reject(new Error("server did not start: " + err)), 60000);
    child.stderr.on("data", (chunk) => {
      err += chunk;
      const m = err.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: "http://127.0.0.1:" + m[1] });
      }
    });
    child.on("exit", (code) => reject(new Error("server exited " + code + ": " + err)));
  });
}

async function ingest(records, name) {
  const r = await fetch(base + "/v1/ingest?name=" + encodeURIComponent(name), {
    method: "POST",
    headers: { "Content-Type": "application/x-ndjson" },
    body: records.map((r) => JSON.stringify(r)).join("\n") + "\n",
  });
  assert.equal(r.status, 202);
  return (await r.json()).url;
}

async function waitJob(url) {
  for (let i = 0; i < 600; i++) {
    const job = await (await fetch(base + url)).json();
    if (job.state === "done" || job.state === "failed") return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("job did not end");
}

async function newPage() {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 900 });
  page.errors = [];
  page.dialogs = [];
  page.on("pageerror", (e) => page.errors.push(String(e)));
  page.on("dialog", async (d) => {
    page.dialogs.push(d.message());
    await d.dismiss();
  });
  // Nothing but the server: no CDN, no other site.
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    if (request.url().startsWith(base) || request.url().startsWith("blob:")) request.continue();
    else request.abort();
  });
  return page;
}

async function loaded(page, since = 0) {
  await page.waitForFunction((t) => Number(document.body.dataset.loaded || 0) > t, { timeout: 30000 }, since);
}

before(async () => {
  fs.mkdirSync(out, { recursive: true });
  work = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-web-"));
  const db = path.join(work, "store.db");
  execFileSync(binary, ["ingest", "--db", db, path.join(root, "demo")], { stdio: "ignore" });
  ({ child: server, base } = await startServer(db));
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    userDataDir: path.join(work, "chromium"),
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run",
           "--disable-dev-shm-usage"],
  });
}, bounded);

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill("SIGTERM");
  if (work) fs.rmSync(work, { recursive: true, force: true });
}, bounded);

test("the page shows the demo corpus's timeline, drawn and listed", bounded, async () => {
  const page = await newPage();
  await page.goto(base + "/?q=Valmorin", { waitUntil: "load" });
  await loaded(page);
  const dates = await page.$$eval("li.date", (items) => items.map((i) => i.dataset.date));
  assert.ok(dates.length >= 5, "dates: " + dates);
  assert.deepEqual([...dates].sort(), dates, "chronological");
  assert.ok(dates.some((d) => d.startsWith("2024-03")), dates.join(" "));
  // The drawing: one vis-timeline item per date.
  const drawn = await page.$$eval("#drawing .vis-item.vis-point", (items) => items.length);
  assert.equal(drawn, dates.length);
  assert.match(await page.$eval("#status", (e) => e.textContent), /dates for Valmorin/);
  await page.screenshot({ path: path.join(out, "timeline.png"), fullPage: true });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("sources are links, with outlet and date, and merged copies are counted", bounded, async () => {
  const page = await newPage();
  await page.goto(base + "/?q=Valmorin&dates=20", { waitUntil: "load" });
  await loaded(page);
  const links = await page.$$eval(".sources a", (as) =>
    as.map((a) => ({ href: a.href, rel: a.rel, target: a.target, text: a.textContent })));
  assert.ok(links.length > 0);
  for (const l of links) {
    assert.match(l.href, /^https?:\/\//);
    assert.match(l.rel, /noopener/);
    assert.equal(l.target, "_blank");
  }
  const copies = await page.$$eval(".sources .copies", (c) => c.map((e) => e.textContent));
  assert.ok(copies.some((t) => /syndicated cop(y|ies) merged/.test(t)), "no merged copies shown");
  await page.close();
});

test("the search box and the date filter change what is shown and live in the URL", bounded, async () => {
  const page = await newPage();
  await page.goto(base + "/?q=Valmorin", { waitUntil: "load" });
  await loaded(page);
  const all = await page.$$eval("li.date", (items) => items.map((i) => i.dataset.date));
  // A date range: only dates inside it remain.
  const t0 = Number(await page.evaluate(() => document.body.dataset.loaded));
  await page.$eval("#from", (e) => { e.value = "2024-03-05"; });
  await page.$eval("#to", (e) => { e.value = "2024-03-15"; });
  await page.click("#filters button[type=submit]");
  await loaded(page, t0);
  const ranged = await page.$$eval("li.date", (items) => items.map((i) => i.dataset.date));
  assert.ok(ranged.length > 0);
  assert.ok(ranged.every((d) => d >= "2024-03-05" && d <= "2024-03-15"), ranged.join(" "));
  assert.notDeepEqual(ranged, all);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get("from"), "2024-03-05");
  assert.equal(url.searchParams.get("to"), "2024-03-15");
  await page.screenshot({ path: path.join(out, "date-filter.png"), fullPage: true });
  // Another query: another timeline, and the URL says so.
  const t1 = Number(await page.evaluate(() => document.body.dataset.loaded));
  await page.$eval("#q", (e) => { e.value = ""; });
  await page.type("#q", "ferry");
  await page.$eval("#from", (e) => { e.value = ""; });
  await page.$eval("#to", (e) => { e.value = ""; });
  await page.click("#filters button[type=submit]");
  await loaded(page, t1);
  assert.equal(new URL(page.url()).searchParams.get("q"), "ferry");
  const ferry = await page.$$eval(".sentence .text", (s) => s.map((e) => e.textContent));
  assert.ok(ferry.length > 0);
  assert.ok(ferry.some((t) => /ferry/i.test(t)), ferry.join(" | "));
  // Reloading the URL restores the same state.
  await page.reload({ waitUntil: "load" });
  await loaded(page);
  assert.equal(await page.$eval("#q", (e) => e.value), "ferry");
  // Back returns to the date range.
  const t2 = Number(await page.evaluate(() => document.body.dataset.loaded));
  await page.goBack();
  await loaded(page, t2);
  assert.equal(await page.$eval("#from", (e) => e.value), "2024-03-05");
  await page.close();
});

test("a click on a sentence shows the expression and the value that dated it", bounded, async () => {
  const page = await newPage();
  await page.goto(base + "/?q=Valmorin", { waitUntil: "load" });
  await loaded(page);
  const strong = await page.$$(".sentence .text:not(.weak)");
  assert.ok(strong.length > 0);
  await strong[0].click();
  await page.waitForSelector(".detail .dating");
  const detail = await page.$eval(".detail", (d) => d.textContent);
  const day = await page.evaluate((b) => b.closest("li.date").dataset.date, strong[0]);
  assert.match(detail, new RegExp("« .+ » → " + day));
  assert.match(detail, /DCT \d{4}-\d\d-\d\d/);
  const mark = await page.$eval(".detail .quote mark", (m) => m.textContent);
  assert.ok(mark.length > 0);
  await page.screenshot({ path: path.join(out, "sentence-explained.png") });
  await page.close();
});

test("exports download the timeline in each format", bounded, async () => {
  const page = await newPage();
  const downloads = path.join(work, "downloads");
  fs.mkdirSync(downloads, { recursive: true });
  const cdp = await page.createCDPSession();
  await cdp.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: downloads });
  await page.goto(base + "/?q=Valmorin", { waitUntil: "load" });
  await loaded(page);
  const expected = { md: "timeline.md", tilse: "timeline.txt", json: "timeline.json", timelinejs: "timeline.timelinejs.json" };
  for (const [format, file] of Object.entries(expected)) {
    await page.click(`#exports button[data-format=${format}]`);
    const target = path.join(downloads, file);
    for (let i = 0; i < 100 && !fs.existsSync(target); i++) await new Promise((r) => setTimeout(r, 100));
    assert.ok(fs.existsSync(target), "no download for " + format);
  }
  assert.match(fs.readFileSync(path.join(downloads, "timeline.md"), "utf8"), /^# Valmorin/);
  assert.ok(JSON.parse(fs.readFileSync(path.join(downloads, "timeline.timelinejs.json"), "utf8")).events.length > 0);
  await page.close();
});

test("an ingest started through the API appears live through server-sent events", bounded, async () => {
  const page = await newPage();
  await page.goto(base + "/?q=Kestrel", { waitUntil: "load" });
  await loaded(page);
  await page.waitForFunction(() => document.body.dataset.live === "1");
  assert.equal(await page.$$eval("li.date", (i) => i.length), 0);
  const job = await ingest([
    { id: "k1", url: "https://news.example.org/kestrel-1", time: "2024-07-02", title: "Kestrel dam",
      text: "The Kestrel dam gates were opened on 1 July 2024 after a week of rain. Engineers said the reservoir had reached its highest level since records began." },
    { id: "k2", url: "https://news.example.org/kestrel-2", time: "2024-07-05", title: "Kestrel flood",
      text: "Villages below the Kestrel dam were evacuated on 4 July 2024 as the river rose. The regional council opened three shelters in school gymnasiums." },
  ], "kestrel.jsonl");
  await page.waitForFunction(() => document.querySelectorAll("li.date").length >= 2, { timeout: 30000 });
  const dates = await page.$$eval("li.date", (items) => items.map((i) => i.dataset.date));
  assert.ok(dates.includes("2024-07-01") && dates.includes("2024-07-04"), dates.join(" "));
  await page.waitForFunction(() => /done/.test(document.getElementById("live").textContent));
  assert.equal((await waitJob(job)).state, "done");
  await page.screenshot({ path: path.join(out, "live-ingest.png"), fullPage: true });
  await page.close();
});

test("an article holding <script>, <img onerror> and javascript: links runs no script", bounded, async () => {
  const hostile = [
    { id: "x1", url: "javascript:window.__pwned='url'", time: "2024-08-02",
      title: "Zanzibar <img src=x onerror=\"window.__pwned='title'\">",
      text: "The Zanzibar council met on 1 August 2024 <script>window.__pwned='script'</script> " +
            "and <img src=x onerror=\"window.__pwned='img'\"> voted. " +
            "Read <a href=\"javascript:window.__pwned='link'\">more</a> about Zanzibar on 1 August 2024." },
    { id: "x2", url: "data:text/html,<script>window.__pwned='data'</script>", time: "2024-08-03",
      title: "Zanzibar <svg onload=\"window.__pwned='svg'\">",
      text: "On 1 August 2024 the Zanzibar harbour closed <iframe src=\"javascript:window.__pwned='iframe'\"></iframe> for repairs to its quays." },
  ];
  assert.equal((await waitJob(await ingest(hostile, "hostile.jsonl"))).state, "done");
  const page = await newPage();
  await page.goto(base + "/?q=Zanzibar&sentences=5", { waitUntil: "load" });
  await loaded(page);
  const texts = await page.$$eval(".sentence .text", (s) => s.map((e) => e.textContent));
  assert.ok(texts.some((t) => t.includes("<script>window.__pwned='script'</script>")), texts.join(" | "));
  assert.ok(texts.some((t) => t.includes("<img src=x onerror=")), texts.join(" | "));
  // Click and hover everything a reader could.
  for (const b of await page.$$(".sentence .text")) await b.click();
  await page.waitForSelector(".detail");
  for (const a of await page.$$(".sources a, .sources span")) await a.hover();
  for (const item of await page.$$("#drawing .vis-item.vis-point")) await item.click();
  await new Promise((r) => setTimeout(r, 500));
  const report = await page.evaluate(() => ({
    pwned: window.__pwned,
    scripts: [...document.scripts].map((s) => s.getAttribute("src")),
    images: document.querySelectorAll("main img, main svg, main iframe").length,
    handlers: [...document.querySelectorAll("main *")].filter((e) => [...e.attributes].some((a) => a.name.startsWith("on"))).length,
    badLinks: [...document.querySelectorAll("a[href]")].filter((a) => !/^https?:|^blob:/.test(a.href)).length,
  }));
  assert.equal(report.pwned, undefined);
  assert.deepEqual(report.scripts, ["/vendor/vis-timeline.min.js", "/app.js"]);
  assert.equal(report.images, 0);
  assert.equal(report.handlers, 0);
  assert.equal(report.badLinks, 0);
  assert.deepEqual(page.dialogs, []);
  assert.deepEqual(page.errors, []);
  await page.screenshot({ path: path.join(out, "hostile.png"), fullPage: true });
  await page.close();
});
