// PupilVoice: small progressive enhancements. Everything works without this file.
(function () {
  "use strict";

  // Idle warning (SEC-07, A11Y-09): warn before the server signs the person out; one tap
  // extends. Typing, choosing and keys count as activity: they restart the timer and,
  // at most once a minute, tell the server the person is still there.
  function idleWarning() {
    var body = document.body;
    var idle = parseInt(body.dataset.idleSeconds || "0", 10);
    var dialog = document.getElementById("idle-warning");
    if (!idle || !dialog || typeof dialog.showModal !== "function") return;
    var warnBefore = Math.min(60, Math.max(25, Math.floor(idle / 5)));
    var warnTimer, outTimer, lastKept = Date.now();
    function csrf() {
      var input = document.querySelector("input[name=csrf_token]");
      return input ? input.value : "";
    }
    function keepAlive() {
      lastKept = Date.now();
      return fetch(body.dataset.keepaliveUrl, {
        method: "POST", credentials: "same-origin",
        headers: { "X-CSRFToken": csrf(), "Accept": "application/json" }
      });
    }
    // A page can name a sign-out form (the class tablet's "I've finished"): submitting it
    // ends the session on the server even if the server's clock has not caught up yet.
    // Elsewhere the time-out ends the session but keeps this browser's unsent drafts, and
    // signing in again comes back to this page.
    function signOut() {
      var form = document.querySelector("form[data-idle-signout]");
      if (!form && body.dataset.timedOutUrl) {
        form = document.createElement("form");
        form.method = "post";
        form.action = body.dataset.timedOutUrl;
        [["csrf_token", csrf()], ["next", location.pathname + location.search]].forEach(function (pair) {
          var input = document.createElement("input");
          input.type = "hidden";
          input.name = pair[0];
          input.value = pair[1];
          form.appendChild(input);
        });
        document.body.appendChild(form);
      }
      if (form) form.submit();
      else window.location.assign(body.dataset.signoutUrl);
    }
    function schedule() {
      clearTimeout(warnTimer);
      clearTimeout(outTimer);
      warnTimer = setTimeout(function () { dialog.showModal(); }, (idle - warnBefore) * 1000);
      outTimer = setTimeout(signOut, idle * 1000 + 2000);
    }
    function active() {
      if (dialog.open) return;  // the warning asks for its own button
      schedule();
      if (Date.now() - lastKept > 60 * 1000) keepAlive().catch(function () { /* offline */ });
    }
    ["input", "change", "keydown"].forEach(function (kind) {
      document.addEventListener(kind, active, true);
    });
    dialog.querySelector("[data-stay]").addEventListener("click", function () {
      keepAlive().then(function () { dialog.close(); schedule(); });
    });
    schedule();
  }

  // Print buttons (the invitation letter): without JavaScript, the browser's own Print works.
  function printButtons() {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  document.addEventListener("DOMContentLoaded", idleWarning);
  document.addEventListener("DOMContentLoaded", printButtons);
})();
