// Who else has this change form open: a heartbeat to the form's presence
// address (pressroom/admin/concurrency.py) that also says this person is here.
// It only informs; nothing here stands in the way of a save.
//
// Leaving the page (a link, closing the tab, going back) tells the server at
// once with a beacon, which carries the CSRF token in its body; only this
// person's own presence goes. While someone else is shown, the beat is fast,
// so their leaving shows here within seconds.
(function () {
  "use strict";
  const box = document.getElementById("presence");
  if (!box) {
    return;
  }
  const form = box.closest("form");
  const token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  const text = box.querySelector(".presence-text");
  const slow = (Number(box.dataset.seconds) || 30) * 1000;
  const fast = (Number(box.dataset.sharedSeconds) || 2) * 1000;
  let submitting = false;
  let timer = null;

  function show(data) {
    text.textContent = data.text;
    box.hidden = !data.text;
  }

  function next() {
    window.clearTimeout(timer);
    timer = window.setTimeout(beat, box.hidden ? slow : fast);
  }

  function beat() {
    fetch(box.dataset.url, {
      method: "POST",
      headers: { "X-CSRFToken": token },
      credentials: "same-origin",
    })
      .then((response) => (response.ok ? response.json() : null))
      .then((data) => data && show(data))
      .catch(() => {}) // Offline for a moment: the next beat tells.
      .finally(next);
  }

  form.addEventListener("submit", () => {
    submitting = true;
  });
  window.addEventListener("pagehide", () => {
    window.clearTimeout(timer);
    // A save comes straight back to this form: staying, not leaving.
    if (submitting) {
      return;
    }
    const body = new FormData();
    body.append("csrfmiddlewaretoken", token);
    body.append("leave", "1");
    navigator.sendBeacon(box.dataset.url, body);
  });
  window.addEventListener("pageshow", (event) => {
    // Back to this form from the browser's page cache: here again.
    if (event.persisted) {
      submitting = false;
      beat();
    }
  });
  beat();
})();
