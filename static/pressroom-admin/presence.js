// Who else has this change form open: a heartbeat to the form's presence
// address (pressroom/admin/concurrency.py) that also says this person is here.
// It only informs; nothing here stands in the way of a save.
(function () {
  "use strict";
  const box = document.getElementById("presence");
  if (!box) {
    return;
  }
  const form = box.closest("form");
  const token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  const text = box.querySelector(".presence-text");
  let submitting = false;

  function show(data) {
    text.textContent = data.text;
    box.hidden = !data.text;
  }

  function beat() {
    fetch(box.dataset.url, {
      method: "POST",
      headers: { "X-CSRFToken": token },
      credentials: "same-origin",
    })
      .then((response) => (response.ok ? response.json() : null))
      .then((data) => data && show(data))
      .catch(() => {}); // Offline for a moment: the next beat tells.
  }

  form.addEventListener("submit", () => {
    submitting = true;
  });
  window.addEventListener("pagehide", () => {
    // A save comes straight back to this form: staying, not leaving.
    if (submitting) {
      return;
    }
    const body = new FormData();
    body.append("csrfmiddlewaretoken", token);
    body.append("leave", "1");
    navigator.sendBeacon(box.dataset.url, body);
  });
  beat();
  window.setInterval(beat, (Number(box.dataset.seconds) || 30) * 1000);
})();
