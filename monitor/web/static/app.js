// chargewatch review page: keyboard shortcuts like a feed reader's, and review actions without a
// page reload. Everything also works without this script (plain forms and links).
(function () {
  "use strict";
  const csrf = document.querySelector('meta[name="csrf"]').content;
  const help = document.getElementById("help");
  let current = -1;

  function rows() { return Array.from(document.querySelectorAll("ol.stories > li.story")); }

  function select(i) {
    const all = rows();
    if (!all.length) { current = -1; return; }
    current = Math.max(0, Math.min(i, all.length - 1));
    all.forEach((r, k) => r.classList.toggle("current", k === current));
    all[current].focus({ preventScroll: true });
    all[current].scrollIntoView({ block: "nearest" });
  }

  function currentRow() { const all = rows(); return current >= 0 ? all[current] : null; }

  async function setStatus(row, status) {
    const body = new URLSearchParams({ status: status, csrf: csrf });
    const response = await fetch("/stories/" + row.dataset.story + "/status", {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRF-Token": csrf },
    });
    if (!response.ok) { flash("Could not save: " + response.status); return; }
    row.dataset.status = status;
    const list = row.closest("ol.stories");
    const shown = list ? list.dataset.statusFilter : null;
    const star = row.querySelector("button.star");
    if (star) {
      star.classList.toggle("on", status === "starred");
      star.value = status === "starred" ? "new" : "starred";
    }
    const stays = shown === "all" || shown === status || (shown === "inbox" && (status === "new" || status === "starred"));
    if (shown && !stays) {
      const all = rows();
      const at = all.indexOf(row);
      row.remove();
      flash(status === "dismissed" ? "Dismissed" : status === "reviewed" ? "Marked reviewed" : "Saved");
      select(at);
    } else {
      flash(status === "starred" ? "Starred" : "Saved");
    }
  }

  function flash(text) {
    let box = document.getElementById("flash");
    if (!box) {
      box = document.createElement("div");
      box.id = "flash";
      box.setAttribute("role", "status");
      document.body.appendChild(box);
    }
    box.textContent = text;
  }

  function toggleHelp(show) {
    help.hidden = show === undefined ? !help.hidden : !show;
  }

  // review buttons: send with fetch, keep the page where it is
  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (!form.classList.contains("actions") || !form.closest("li.story")) return;
    const button = event.submitter;
    if (!button || !button.value) return;
    event.preventDefault();
    setStatus(form.closest("li.story"), button.value);
  });

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
  function count(text) {
    let total = 0, pos = 0;
    for (const m of text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
      total += textLength(text.slice(pos, m.index));
      total += linkLength || textLength(m[0]);
      pos = m.index + m[0].length;
    }
    return total + textLength(text.slice(pos));
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
