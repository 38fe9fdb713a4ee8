// A parent's unsent answers, kept in this browser until they are sent (issue 13, item 7):
// a time-out, a phone that slept or a closed tab loses nothing. Kept under the parent's
// own account number and the plan, so someone else signing in on the same phone is never
// shown them; thrown away once the school has them, or after a week. Without JavaScript
// (or storage) the form simply works as before.
(function () {
  "use strict";

  var PREFIX = "pupilvoice-answers:";
  var KEEP_DAYS = 7;

  function fieldsOf(form) {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.type === "hidden" || el.type === "submit") return;
      if (el.type === "radio") {
        if (!(el.name in values)) values[el.name] = "";
        if (el.checked) values[el.name] = el.value;
      } else {
        values[el.name] = el.value;
      }
    });
    return values;
  }

  function differs(kept, now) {
    return Object.keys(kept).some(function (name) { return name in now && kept[name] !== now[name]; });
  }

  function read(key) {
    try {
      var kept = JSON.parse(localStorage.getItem(PREFIX + key) || "null");
      if (kept && Date.now() - kept.savedAt < KEEP_DAYS * 24 * 3600 * 1000) return kept;
    } catch (e) { /* unreadable: forget it */ }
    localStorage.removeItem(PREFIX + key);
    return null;
  }

  function putBack(form, kept) {
    Object.keys(kept.fields).forEach(function (name) {
      var value = kept.fields[name];
      form.querySelectorAll("[name='" + name + "']").forEach(function (el) {
        if (el.type === "radio") el.checked = el.value === value;
        else el.value = value;
      });
    });
    // Sent against what the parent read: if the plan changed meanwhile, the server says
    // so and keeps the answers on the page instead of applying them to new words.
    ["version", "round"].forEach(function (name) {
      if (form.elements[name] && kept[name] != null) form.elements[name].value = kept[name];
    });
    var notice = document.querySelector("[data-answers-restored]");
    if (notice) notice.hidden = false;
  }

  function keep(form) {
    var key = form.dataset.answersKey;
    if ("answersSent" in form.dataset) {
      localStorage.removeItem(PREFIX + key);
    } else {
      var kept = read(key);
      if (kept && differs(kept.fields, fieldsOf(form))) putBack(form, kept);
      else if (kept) localStorage.removeItem(PREFIX + key);
    }
    function save() {
      localStorage.setItem(PREFIX + key, JSON.stringify({
        savedAt: Date.now(),
        version: form.elements.version ? form.elements.version.value : null,
        round: form.elements.round ? form.elements.round.value : null,
        fields: fieldsOf(form)
      }));
    }
    form.addEventListener("input", save);
    form.addEventListener("change", save);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-answers-key]").forEach(function (form) {
      try {
        keep(form);
      } catch (e) { /* storage blocked: nothing kept */ }
    });
  });
})();
