// chargewatch proposed supply links (/supply-chain/proposals): Confirm, Reject, Mark as known and
// Back to review without a page reload. The form is sent with fetch (its CSRF field, and the token
// in X-CSRF-Token), the server answers JSON; the row makes way for a one-line notice with Undo,
// and the tabs' counts follow. An error (decided already by someone else, a material missing)
// is shown in the row. Without this script the forms post and come back to the page.
(function () {
  "use strict";
  const list = document.querySelector("ol.proposals");
  if (!list) return;
  const meta = document.querySelector('meta[name="csrf"]');
  const csrf = meta ? meta.content : "";

  async function send(url, body) {
    let response = null;
    let data = null;
    try {
      response = await fetch(url, {
        method: "POST", body: body, credentials: "same-origin",
        headers: { "Accept": "application/json", "X-CSRF-Token": csrf },
      });
      data = await response.json();
    } catch (e) {
      data = null;
    }
    if (response && response.ok && data && data.ok) return { data: data };
    const error = (data && data.error) || (response ? "Could not save (" + response.status + ")" : "Could not reach the server");
    return { error: error };
  }

  function counts(values) {
    if (!values) return;
    Object.keys(values).forEach((status) => {
      const count = document.querySelector('nav.proposal-tabs a[data-status="' + status + '"] .count');
      if (count) count.textContent = String(values[status]);
    });
  }

  function showError(row, text) {
    const box = row.querySelector(".row-error");
    if (!box) return;
    box.textContent = text;
    box.hidden = false;
  }

  function busy(row, on) {
    row.querySelectorAll("button").forEach((b) => { b.disabled = on; });
  }

  // the row leaves the list; a notice takes its place (Undo puts the row back as it was)
  function notice(row, data) {
    const item = document.createElement("li");
    item.className = "proposal-notice " + data.outcome;
    item.dataset.proposal = row.dataset.proposal;
    item.setAttribute("role", "status");
    const text = document.createElement("span");
    text.textContent = data.notice;
    item.appendChild(text);
    if (data.outcome !== "undone") {  // a decision taken back has nothing more to undo here
      const button = document.createElement("button");
      button.type = "button";
      button.className = "undo";
      button.textContent = "Undo";
      button.addEventListener("click", () => undo(item, row, data.proposal));
      item.append(" ", button);
    }
    row.replaceWith(item);
    return item;
  }

  async function undo(item, row, id) {
    const body = new URLSearchParams({ csrf: csrf });
    item.querySelectorAll("button").forEach((b) => { b.disabled = true; });
    const result = await send("/supply-chain/proposals/" + id + "/undo", body);
    if (result.error) {
      item.querySelector("span").textContent = result.error;
      return;
    }
    busy(row, false);
    const error = row.querySelector(".row-error");
    if (error) error.hidden = true;
    item.replaceWith(row);
    counts(result.data.counts);
  }

  list.addEventListener("submit", async function (event) {
    const form = event.target;
    if (!form.matches("form[data-decide], form[data-undo]")) return;
    event.preventDefault();
    const row = form.closest("li.proposal");
    busy(row, true);
    const result = await send(form.action, new URLSearchParams(new FormData(form)));
    if (result.error) {
      busy(row, false);
      showError(row, result.error);
      return;
    }
    counts(result.data.counts);
    notice(row, result.data);
  });
})();
