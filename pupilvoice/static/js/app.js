// PupilVoice: small progressive enhancements. Everything works without this file.
(function () {
  "use strict";

  // Idle warning (SEC-07, A11Y-09): warn before the server signs the person out; one tap extends.
  function idleWarning() {
    var body = document.body;
    var idle = parseInt(body.dataset.idleSeconds || "0", 10);
    var dialog = document.getElementById("idle-warning");
    if (!idle || !dialog || typeof dialog.showModal !== "function") return;
    var warnBefore = Math.min(60, Math.max(25, Math.floor(idle / 5)));
    var warnTimer, outTimer;
    function csrf() {
      var input = document.querySelector("input[name=csrf_token]");
      return input ? input.value : "";
    }
    // A page can name a sign-out form (the class tablet's "I've finished"): submitting it
    // ends the session on the server even if the server's clock has not caught up yet.
    function signOut() {
      var form = document.querySelector("form[data-idle-signout]");
      if (form) form.submit();
      else window.location.assign(body.dataset.signoutUrl);
    }
    function schedule() {
      clearTimeout(warnTimer);
      clearTimeout(outTimer);
      warnTimer = setTimeout(function () { dialog.showModal(); }, (idle - warnBefore) * 1000);
      outTimer = setTimeout(signOut, idle * 1000 + 2000);
    }
    dialog.querySelector("[data-stay]").addEventListener("click", function () {
      fetch(body.dataset.keepaliveUrl, {
        method: "POST", credentials: "same-origin",
        headers: { "X-CSRFToken": csrf(), "Accept": "application/json" }
      }).then(function () { dialog.close(); schedule(); });
    });
    schedule();
  }

  document.addEventListener("DOMContentLoaded", idleWarning);
})();
