// chargewatch review page: keyboard shortcuts like a feed reader's, and review actions without a
// page reload. Everything also works without this script (plain forms and links).
(function () {
  "use strict";
  const csrf = document.querySelector('meta[name="csrf"]').content;
  const help = document.getElementById("help");
  let current = -1;

  // the rows a reader can step through: a row that left the list (reviewed, dismissed) is hidden,
  // not removed, so that undo can bring it back where it was
  function rows() { return Array.from(document.querySelectorAll("ol.stories > li.story:not([hidden])")); }

  function select(i) {
    const all = rows();
    if (!all.length) { current = -1; return; }
    current = Math.max(0, Math.min(i, all.length - 1));
    all.forEach((r, k) => r.classList.toggle("current", k === current));
    all[current].focus({ preventScroll: true });
    all[current].scrollIntoView({ block: "nearest" });
  }

  function currentRow() { const all = rows(); return current >= 0 ? all[current] : null; }

  async function post(url, body) {
    body.append("csrf", csrf);
    const response = await fetch(url, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRF-Token": csrf },
    });
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    if (!response.ok) {
      flash((data && data.error) || ("Could not save: " + response.status));
      return null;
    }
    return data;
  }

  function rowOf(id) { return document.querySelector('ol.stories > li.story[data-story="' + id + '"]'); }

  // show a row's new status: its star, its badge, and whether it still belongs in the list shown
  // (a row that leaves is hidden in place, so the rows below move up and the page does not jump)
  function showStatus(row, status) {
    row.dataset.status = status;
    const star = row.querySelector("button.star");
    if (star) {
      star.classList.toggle("on", status === "starred");
      star.value = status === "starred" ? "new" : "starred";
    }
    let badge = row.querySelector(".badge[class*=status-]");
    if (!badge && status !== "new") {  // a row shown as new has none yet (a search hit, say)
      badge = document.createElement("span");
      const line = row.querySelector(".line1") || row;
      line.appendChild(document.createTextNode(" "));
      line.appendChild(badge);
    }
    if (badge) {
      badge.className = "badge status-" + status;
      badge.textContent = status;
      badge.hidden = status === "new";
    }
    const list = row.closest("ol.stories");
    const shown = list ? list.dataset.statusFilter : null;
    const stays = !shown || shown === "all" || shown === status ||
      (shown === "inbox" && (status === "new" || status === "starred"));
    const wasCurrent = row.classList.contains("current");
    const at = rows().indexOf(row);
    row.hidden = !stays;
    if (!stays && wasCurrent) select(at);
    return stays;
  }

  async function setStatus(row, status) {
    const data = await post("/stories/" + row.dataset.story + "/status", new URLSearchParams({ status: status }));
    if (!data) return;
    showStatus(row, status);
    const text = { dismissed: "Dismissed", reviewed: "Marked reviewed", starred: "Starred" }[status] || "Saved";
    flash(text, "Undo " + ({ dismissed: "dismiss", reviewed: "mark reviewed", starred: "star" }[status] || "unstar"));
  }

  async function reviewPage(form) {
    const body = new URLSearchParams();
    const ids = rows().filter((r) => r.dataset.status === "new").map((r) => r.dataset.story);
    ids.forEach((id) => body.append("story", id));
    if (!ids.length) { flash("Nothing new on this page"); return; }
    const data = await post(form.action, body);
    if (!data) return;
    data.stories.forEach((id) => { const row = rowOf(id); if (row) showStatus(row, "reviewed"); });
    form.hidden = true;
    const n = data.stories.length;
    flash(n === 1 ? "Marked 1 story reviewed" : "Marked " + n + " stories reviewed", data.undo || "Undo");
  }

  async function undo() {
    const data = await post("/stories/undo", new URLSearchParams());
    if (!data) return;
    let back = null;
    data.stories.forEach((c) => {
      const row = rowOf(c.story);
      if (row && showStatus(row, c.status) && !back) back = row;
    });
    if (back) {
      select(rows().indexOf(back));
    }
    const form = document.querySelector("form.review-page");
    if (form && rows().some((r) => r.dataset.status === "new")) form.hidden = false;
    setUndo(null);
    flash(data.stories.length ? "Undone" : "Nothing to undo: those stories were changed since");
  }

  // the bar's Undo button (also the plain-form fallback) follows the last action
  function setUndo(label) {
    const form = document.querySelector("form.undo");
    if (!form) return;
    form.hidden = !label;
    if (label) form.querySelector("button").textContent = label;
  }

  // the notice at the bottom right: goes away by itself, FLASH_MS after it shows or the pointer reaches it
  const FLASH_MS = 5000;
  let flashTimer = null;
  function flash(text, undoLabel) {
    let box = document.getElementById("flash");
    if (!box) {
      box = document.createElement("div");
      box.id = "flash";
      box.setAttribute("role", "status");
      box.addEventListener("mouseenter", () => hideLater(box));  // a reader reaching for Undo gets the full time again
      document.body.appendChild(box);
    }
    box.textContent = text;
    if (undoLabel) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "flash-undo";
      button.textContent = "Undo";
      button.title = undoLabel + " (z)";
      button.addEventListener("click", () => { box.hidden = true; undo(); });
      box.append(" ", button);
      setUndo(undoLabel);
    }
    box.hidden = false;
    hideLater(box);
  }

  function hideLater(box) {
    clearTimeout(flashTimer);
    flashTimer = setTimeout(() => { box.hidden = true; }, FLASH_MS);
  }

  function toggleHelp(show) {
    help.hidden = show === undefined ? !help.hidden : !show;
  }

  // review buttons, "mark page reviewed", undo and the view switch: sent with fetch, so the page
  // stays where it is (without this script they are plain forms that come back to the row)
  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (form.classList.contains("review-page")) { event.preventDefault(); reviewPage(form); return; }
    if (form.classList.contains("undo")) { event.preventDefault(); undo(); return; }
    if (form.classList.contains("view-switch")) {
      const button = event.submitter;
      if (!button || !button.value) return;
      event.preventDefault();
      setView(form, button.value);
      return;
    }
    if (!form.classList.contains("actions") || !form.closest("li.story")) return;
    const button = event.submitter;
    if (!button || !button.value) return;
    event.preventDefault();
    setStatus(form.closest("li.story"), button.value);
  });

  async function setView(form, view) {
    const data = await post(form.action, new URLSearchParams({ view: view }));
    if (!data) return;
    const list = document.querySelector("ol.stories");
    const row = currentRow() || rows().find((r) => r.getBoundingClientRect().bottom > 0);
    if (list) list.classList.toggle("compact", view === "compact");
    form.querySelectorAll("button").forEach((b) => {
      b.classList.toggle("on", b.value === view);
      b.setAttribute("aria-pressed", b.value === view ? "true" : "false");
    });
    if (row) row.scrollIntoView({ block: "nearest" });  // the row the reader was at stays in view
  }

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-help]")) toggleHelp();
    else if (event.target === help) toggleHelp(false);
    const row = event.target.closest("li.story");
    if (row && !event.target.closest("a, button, input, summary, select")) select(rows().indexOf(row));
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select") {
      if (event.key === "Escape") event.target.blur();
      return;
    }
    const row = currentRow();
    switch (event.key) {
      case "j": select(current + 1); break;
      case "k": select(current - 1); break;
      case "o": case "Enter":
        if (row) window.location.href = row.dataset.href; else return;
        break;
      case "s":
        if (row) setStatus(row, row.dataset.status === "starred" ? "new" : "starred"); else return;
        break;
      case "r": if (row) setStatus(row, "reviewed"); else return; break;
      case "d": if (row) setStatus(row, "dismissed"); else return; break;
      case "z": if (document.querySelector("form.undo")) undo(); else return; break;
      case "n": {
        const details = row && row.querySelector("details.note-form");
        if (!details) return;
        details.open = true;
        details.querySelector("input[name=note]").focus();
        break;
      }
      case "/": document.getElementById("search-box").focus(); break;
      case "?": toggleHelp(); break;
      case "Escape": toggleHelp(false); break;
      default: return;
    }
    event.preventDefault();
  });

  // back from an article (u, or "← list"): the row named by the address's #story-N or #hit-N is
  // the current one, so j / k go on from the story just read, not from the top
  const named = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  const namedRow = named && named.closest("ol.stories > li.story");
  if (namedRow && !namedRow.hidden) select(rows().indexOf(namedRow));
})();

// post drafts: a live length counter that counts as the platform does, and a copy button
(function () {
  "use strict";
  const box = document.getElementById("post-text");
  if (!box) return;
  const counter = document.getElementById("post-count");
  const limit = parseInt(box.dataset.limit, 10);
  const linkLength = parseInt(box.dataset.link, 10) || 0;
  const weighted = box.dataset.weighted === "1";
  const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
  const emoji = /[\p{Extended_Pictographic}\p{Regional_Indicator}]/u;
  const mark = /[\p{M}\u200d\ufe0f]/u;
  const light = [[0x0000, 0x10FF], [0x2000, 0x200D], [0x2010, 0x201F], [0x2032, 0x2037]];
  function isLight(ch) { const cp = ch.codePointAt(0); return light.some(([a, b]) => cp >= a && cp <= b); }
  function textLength(text) {
    let n = 0;
    for (const { segment } of segmenter.segment(text)) {
      if (!weighted) { n += 1; continue; }
      const heavy = emoji.test(segment) || !Array.from(segment).filter((c) => !mark.test(c)).every(isLight);
      n += heavy ? 2 : 1;
    }
    return n;
  }
  // Mastodon counts a mention @user@instance as @user (monitor/outputs/posts.py, MASTODON_MENTION)
  const userOnly = box.dataset.mentions === "user";
  const remote = /(?<![\w@])(@[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?)@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
  function counted(part) { return textLength(userOnly ? part.replace(remote, "$1") : part); }
  function count(text) {
    let total = 0, pos = 0;
    for (const m of text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
      total += counted(text.slice(pos, m.index));
      total += linkLength || textLength(m[0]);
      pos = m.index + m[0].length;
    }
    return total + counted(text.slice(pos));
  }
  function update() {
    const n = count(box.value);
    counter.textContent = String(n);
    counter.classList.toggle("over", n > limit);
  }
  box.addEventListener("input", update);
  update();
  document.getElementById("copy-post").addEventListener("click", async function () {
    try { await navigator.clipboard.writeText(box.value); this.textContent = "Copied"; }
    catch (e) { box.select(); document.execCommand("copy"); this.textContent = "Copied"; }
  });
})();
