// Opens pg2sf's reviewer page (index.html) in Debian's headless Chromium and
// checks what a reviewer relies on: no console errors, nothing fetched, the
// counts are report.json's, the filters show the right models, a model's
// diff renders (side by side and unified) when it is opened or linked.
//
//   node report.test.mjs SAMPLE_REPORT_DIR SCREENSHOT.png [LARGE_REPORT_DIR...]
//
// Each LARGE_REPORT_DIR is checked the same way and timed: opening the page,
// filtering by status, by rule and by path, and opening its largest model.
// The timings are printed, not asserted: they depend on the machine.

import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const [sampleDir, screenshot, ...largeDirs] = process.argv.slice(2);
if (!sampleDir || !screenshot) {
  console.error("usage: node report.test.mjs SAMPLE_REPORT_DIR SCREENSHOT.png [LARGE_REPORT_DIR...]");
  process.exit(2);
}

/** Starts Chromium with exactly our flags and an empty profile; connects over CDP. */
async function startChromium() {
  const profile = mkdtempSync(join(tmpdir(), "pg2sf-chromium-"));
  const child = spawn(CHROMIUM, [...FLAGS, `--user-data-dir=${profile}`, "--remote-debugging-port=0", "about:blank"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  const wsUrl = await new Promise((resolveUrl, reject) => {
    let err = "";
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${err}`)), 30000);
    child.stderr.on("data", (chunk) => {
      err += chunk;
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    });
    child.on("exit", (code) => reject(new Error(`Chromium exited (${code}):\n${err}`)));
  });
  const browser = await chromium.connectOverCDP(wsUrl);
  const stop = async () => {
    await browser.close().catch(() => {});
    if (child.exitCode === null) {
      const exited = once(child, "exit");
      child.kill();
      await exited;
    }
    rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  };
  return { browser, stop };
}

function readReport(dir) {
  const json = JSON.parse(readFileSync(join(dir, "report.json"), "utf8"));
  const models = json.files.filter((f) => f.kind !== "copied" || f.status === "error");
  return { json, models, url: pathToFileURL(resolve(dir, "index.html")).href };
}

/** A fresh page that records console errors, page errors and every request. */
async function openPage(browser, url) {
  const context = browser.contexts()[0] || (await browser.newContext());
  const page = await context.newPage();
  await page.setViewportSize({ width: 1440, height: 1000 });
  const errors = [];
  const requests = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(url, { waitUntil: "load" });
  return { page, errors, requests };
}

async function shownCount(page) {
  return page.evaluate(() => ({
    label: Number(document.getElementById("shown").textContent),
    visible: document.querySelectorAll("details.model:not([hidden])").length,
  }));
}

/**
 * Sets the filters like a user would (select, type) and waits until the page
 * shows `expected` models, in its label and in the list; fails with what it
 * shows instead.
 */
async function filter(page, { status = "", code = "", path = "" }, expected, what) {
  await page.selectOption("#f-status", status);
  await page.selectOption("#f-code", code);
  await page.fill("#f-path", path);
  try {
    await page.waitForFunction(
      (n) => Number(document.getElementById("shown").textContent) === n &&
        document.querySelectorAll("details.model:not([hidden])").length === n,
      expected,
      { timeout: 5000 },
    );
  } catch {
    assert.fail(`${what}: expected ${expected} models, the page shows ${JSON.stringify(await shownCount(page))}`);
  }
}

/** The checks every report must pass; returns the open page. */
async function checkReport(browser, dir) {
  const { json, models, url } = readReport(dir);
  const opened = await openPage(browser, url);
  const { page } = opened;

  // Counts shown = report.json.
  for (const [status, n] of Object.entries(json.summary.by_status)) {
    const shown = await page.textContent(`.statuses .count[data-status="${status}"]`);
    assert.equal(Number(shown), n, `count of ${status}`);
  }
  for (const [code, n] of Object.entries(json.summary.by_code)) {
    const shown = await page.textContent(`#by-code tr[data-code="${code}"] td.count`);
    assert.equal(Number(shown), n, `findings of ${code}`);
  }
  assert.equal(json.summary.sql_files, models.length);
  assert.deepEqual(await shownCount(page), { label: models.length, visible: models.length });
  assert.equal(await page.textContent("#percent"), `${json.summary.fully_converted_percent}%`);

  // Filters show exactly the models report.json says they should.
  for (const status of Object.keys(json.summary.by_status)) {
    const n = models.filter((f) => f.status === status).length;
    await filter(page, { status }, n, `status filter ${status}`);
  }
  for (const code of Object.keys(json.summary.by_code)) {
    const n = models.filter((f) => f.diagnostics.some((d) => d.code === code)).length;
    await filter(page, { code }, n, `rule filter ${code}`);
  }
  const segment = models[Math.floor(models.length / 2)].path.split("/").slice(-2, -1)[0] || "sql";
  for (const path of [segment, segment.toUpperCase(), "no-such-model-anywhere"]) {
    const n = models.filter((f) => f.path.toLowerCase().includes(path.toLowerCase())).length;
    await filter(page, { path }, n, `path filter ${path}`);
  }
  assert.equal(await page.isVisible("#none"), true, "says when no model matches");
  const reviewed = models.filter((f) => f.status === "review");
  if (reviewed.length) {
    const code = reviewed[0].diagnostics[0].code;
    const n = models.filter((f) => f.status === "review" && f.diagnostics.some((d) => d.code === code)).length;
    await filter(page, { status: "review", code }, n, "status and rule together");
  }
  await filter(page, {}, models.length, "no filter");

  // A link to a finding's line opens its model, renders its diff and lands on the line.
  const target = models.find((f) => f.status === "unconvertible" && f.source) || models.find((f) => f.output);
  if (target) {
    const line = target.diagnostics.length ? target.diagnostics[0].line : null;
    const hash = line ? `models/${target.path}/L${line}` : `models/${target.path}`;
    await page.evaluate((h) => { location.hash = h; }, hash);
    const model = page.locator(`details.model[id="models/${target.path}"]`);
    await page.waitForFunction((id) => document.getElementById(id).querySelector("table.sbs"), `models/${target.path}`);
    assert.equal(await model.evaluate((m) => m.open), true, "the linked model is open");
    if (line) assert.equal(await page.isVisible(`[id="${hash}"]`), true, "the linked line is shown");
    if (target.status === "unconvertible") {
      assert.ok((await model.locator("table.sbs mark").count()) > 0, "unconvertible spans are marked");
    }
    // Unified view: built from the side-by-side rows, same lines.
    await page.check('input[name=view][value=uni]');
    assert.equal(await model.locator("table.uni").isVisible(), true, "unified view shown");
    assert.equal(await model.locator("table.sbs").isVisible(), false, "side-by-side hidden");
    const counts = await model.evaluate((m) => {
      const sbs = m.querySelector("table.sbs"), uni = m.querySelector("table.uni");
      const oldSbs = Array.from(sbs.querySelectorAll("tr.e,tr.c")).filter((r) => r.cells[0].textContent).length;
      const newSbs = Array.from(sbs.querySelectorAll("tr.e,tr.c")).filter((r) => r.cells[2].textContent).length;
      const oldUni = uni.querySelectorAll("tr.e,tr.d").length;
      const newUni = uni.querySelectorAll("tr.e,tr.a").length;
      return { oldSbs, newSbs, oldUni, newUni };
    });
    assert.equal(counts.oldUni, counts.oldSbs, "unified view has every old line");
    assert.equal(counts.newUni, counts.newSbs, "unified view has every new line");
    await page.check('input[name=view][value=sbs]');
  }
  // Word-level highlights in a converted model.
  const converted = models.find((f) => f.output);
  if (converted) {
    const id = `models/${converted.path}`;
    await page.evaluate((i) => { const m = document.getElementById(i); m.open = true; }, id);
    await page.waitForFunction((i) => document.getElementById(i).querySelector("table.sbs"), id);
    assert.ok((await page.locator(`details.model[id="${id}"] td.a em`).count()) > 0, "word-level highlights");
  }
  const foreign = opened.requests.filter((r) => r !== url);
  assert.deepEqual(foreign, [], "the page fetches nothing");
  assert.deepEqual(opened.errors, [], "no console errors");
  return { ...opened, json, models, url };
}

async function sample(browser) {
  const { page, errors, json, models } = await checkReport(browser, sampleDir);
  // The screenshot: the summary and the unconvertible models, one open.
  await page.evaluate(() => {
    document.querySelectorAll("details.model[open]").forEach((m) => { m.open = false; });
    history.replaceState(null, "", location.pathname);
    window.scrollTo(0, 0);
  });
  await filter(page, { status: "unconvertible" }, json.summary.by_status.unconvertible, "unconvertible");
  // The unconvertible model with the most rewrites around its marked spans.
  const changedLines = (f) => (f.output || "").split("\n").filter((l, i) => l !== (f.source || "").split("\n")[i]).length;
  const shown = models
    .filter((f) => f.status === "unconvertible" && f.output)
    .sort((a, b) => changedLines(b) - changedLines(a) || a.path.localeCompare(b.path))[0];
  let bottom = 1200;
  if (shown) {
    const id = `models/${shown.path}`;
    await page.evaluate((i) => { document.getElementById(i).open = true; }, id);
    await page.waitForFunction((i) => document.getElementById(i).querySelector("table.sbs"), id);
    bottom = await page.evaluate((i) => {
      const r = document.getElementById(i).getBoundingClientRect();
      return r.bottom + window.scrollY + 12;
    }, id);
  }
  // The summary, the filters and the opened model.
  await page.screenshot({ path: screenshot, fullPage: true, clip: { x: 0, y: 0, width: 1440, height: Math.min(bottom, 3000) } });
  assert.deepEqual(errors, [], "no console errors");
  console.log(`ok sample: ${models.length} models, ${Object.keys(json.summary.by_code).length} rule codes; screenshot ${screenshot}`);
  await page.close();
}

/** Without JavaScript, opening a model shows its findings and its diff. */
async function withoutScript(browser) {
  const { models, url } = readReport(sampleDir);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "load" });
  const f = models.find((m) => m.output && m.diagnostics.length);
  const model = page.locator(`details.model[id="models/${f.path}"]`);
  await model.locator("summary").click();
  assert.equal(await model.locator("table.sbs").isVisible(), true, "diff shown without JavaScript");
  assert.equal(await model.locator("ol.findings li").count(), f.diagnostics.length, "findings shown without JavaScript");
  assert.equal(await page.isVisible("#filters"), false, "no dead filters without JavaScript");
  await context.close();
  console.log(`ok without JavaScript: ${f.path} opens with its ${f.diagnostics.length} findings and its diff`);
}

async function timed(page, action) {
  return page.evaluate(action);
}

async function large(browser, dir) {
  const t0 = Date.now();
  const { page, json, models, errors } = await checkReport(browser, dir);
  const checkedMs = Date.now() - t0;
  await page.close();

  // Timings on a fresh page: the navigation as the browser measured it...
  const { page: fresh } = await openPage(browser, readReport(dir).url);
  const nav = await fresh.evaluate(() => {
    const n = performance.getEntriesByType("navigation")[0];
    return { domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd, bytes: n.decodedBodySize };
  });
  // ...then each filter from the change to the next painted frame.
  const filterMs = async (setup) =>
    timed(fresh, `(() => new Promise((done) => {
      const t0 = performance.now();
      ${setup}
      document.body.getBoundingClientRect();
      requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));
    }))()`);
  const status = Object.entries(json.summary.by_status).sort((a, b) => b[1] - a[1])[0][0];
  const code = Object.entries(json.summary.by_code).sort((a, b) => b[1] - a[1])[0]?.[0] || "";
  const byStatus = await filterMs(`const s = document.getElementById("f-status"); s.value = "${status}"; s.dispatchEvent(new Event("change"));`);
  const byCode = await filterMs(`const s = document.getElementById("f-status"); s.value = ""; const c = document.getElementById("f-code"); c.value = "${code}"; c.dispatchEvent(new Event("change"));`);
  // The path box applies after a 60 ms pause in typing; the apply itself is timed.
  const byPath = await filterMs(`document.getElementById("f-code").value = ""; const p = document.getElementById("f-path"); p.value = "models"; document.getElementById("f-status").dispatchEvent(new Event("change"));`);
  const clear = await filterMs(`document.getElementById("f-path").value = ""; document.getElementById("f-status").dispatchEvent(new Event("change"));`);
  const biggest = [...models].filter((f) => f.output || f.diagnostics.length).sort((a, b) => (b.source || "").length - (a.source || "").length)[0];
  const openMs = biggest
    ? await filterMs(`document.getElementById(${JSON.stringify("models/" + biggest.path)}).open = true;`)
    : 0;
  assert.deepEqual(errors, [], "no console errors");
  const r = (x) => Math.round(x);
  console.log(
    `ok ${dir}: ${models.length} models, ${(nav.bytes / 1e6).toFixed(1)} MB; ` +
      `DOMContentLoaded ${r(nav.domContentLoaded)} ms, load ${r(nav.load)} ms; ` +
      `filter by status "${status}" ${r(byStatus)} ms, by rule ${code} ${r(byCode)} ms, by path ${r(byPath)} ms, clear ${r(clear)} ms; ` +
      `open the largest model (${biggest ? biggest.path : "-"}) ${r(openMs)} ms; all checks ${r(checkedMs)} ms`,
  );
  await fresh.close();
}

const { browser, stop } = await startChromium();
try {
  await sample(browser);
  await withoutScript(browser);
  for (const dir of largeDirs) await large(browser, dir);
} finally {
  await stop();
}
