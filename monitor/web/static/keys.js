// chargewatch article page: the keyboard of the list it was opened from.
//   j / k   the next / previous story of that list (the page's "Next" and "Previous" links)
//   u       back to the list, at this story (the "←" link: the list URL with the story's anchor)
//   s r d   star (again: unstar), mark reviewed, dismiss: saved with fetch(), shown at once,
//           the page stays where it is
//   n       the note field
// Keys typed into a field are the field's. Everything works without this script: the links are
// plain links and the buttons plain forms that come back to this place of the page.
(function () {
  "use strict";
  const review = document.getElementById("review");
  const csrfMeta = document.querySelector('meta[name="csrf"]');
  const csrf = csrfMeta ? csrfMeta.content : "";
  const labels = { starred: "Starred", new: "Unstarred", reviewed: "Marked reviewed", dismissed: "Dismissed" };

  function say(text) {
    let box = document.getElementById("flash");
    if (!box) {
      box = document.createElement("div");
      box.id = "flash";
      box.setAttribute("role", "status");
      document.body.appendChild(box);
    }
    box.textContent = text;
  }

  function show(status) {
    review.dataset.status = status;
    const badge = document.getElementById("story-status");
    if (badge) {
      badge.textContent = status;
      badge.className = "badge status-" + status;
    }
    const star = review.querySelector("form.actions button.star");
    if (star) {
      star.classList.toggle("on", status === "starred");
      star.value = status === "starred" ? "new" : "starred";
    }
    review.querySelectorAll("form.actions button").forEach(function (b) {
      if (!b.classList.contains("star")) b.classList.toggle("on", b.value === status);
    });
  }

  async function setStatus(status) {
    if (!review) return;
    const body = new URLSearchParams({ status: status, csrf: csrf });
    let response;
    try {
      response = await fetch("/stories/" + review.dataset.story + "/status", {
        method: "POST", body: body, credentials: "same-origin",
        headers: { "Accept": "application/json", "X-CSRF-Token": csrf },
      });
    } catch (e) {
      say("Could not save: the review page did not answer");
      return;
    }
    if (!response.ok) {
      let why = String(response.status);
      try { why = (await response.json()).error || why; } catch (e) { /* not JSON */ }
      say("Could not save: " + why);
      return;
    }
    show(status);
    say(labels[status] || "Saved");
  }

  function follow(id) {
    const link = document.getElementById(id);
    if (!link) return false;
    window.location.href = link.href;
    return true;
  }

  function typing(target) {
    const tag = (target.tagName || "").toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || target.isContentEditable;
  }

  // the status buttons: sent with fetch, the page stays put (the form is the fallback)
  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (!review || !form.classList.contains("actions") || !review.contains(form)) return;
    const button = event.submitter;
    if (!button || !button.value) return;
    event.preventDefault();
    setStatus(button.value);
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target)) return;
    let done = true;
    switch (event.key) {
      case "j": if (!follow("list-next")) say("This is the last story of the list"); break;
      case "k": if (!follow("list-previous")) say("This is the first story of the list"); break;
      case "u": done = follow("list-up"); break;
      case "s":
        if (review) setStatus(review.dataset.status === "starred" ? "new" : "starred"); else done = false;
        break;
      case "r": if (review) setStatus("reviewed"); else done = false; break;
      case "d": if (review) setStatus("dismissed"); else done = false; break;
      case "n": {
        const note = review && review.querySelector("input[name=note]");
        if (note) note.focus(); else done = false;
        break;
      }
      default: done = false;
    }
    if (done) event.preventDefault();
  });
})();
