// The error summary (REL-05, A11Y-03): focus moves to it when the page loads, so a screen
// reader reads it and the keyboard starts there; each link moves focus to its field and
// shows the field's label above it (a plain #id link would scroll the label off screen and,
// in some browsers, leave focus behind). Without this file the links still jump.
(function () {
  "use strict";

  function labelOf(field) {
    var fieldset = field.closest("fieldset");
    if ((field.type === "radio" || field.type === "checkbox") && fieldset) {
      return fieldset.querySelector("legend") || field;
    }
    return (field.id && document.querySelector('label[for="' + CSS.escape(field.id) + '"]')) || field;
  }

  function focusField(event) {
    var id = decodeURIComponent(event.currentTarget.hash.slice(1));
    var field = document.getElementById(id);
    if (!field) return;
    event.preventDefault();
    labelOf(field).scrollIntoView();
    field.focus({ preventScroll: true });
  }

  function start() {
    var summary = document.querySelector("[data-error-summary]");
    if (!summary) return;
    summary.focus();
    summary.querySelectorAll("a[href^='#']").forEach(function (link) {
      link.addEventListener("click", focusField);
    });
  }

  document.addEventListener("DOMContentLoaded", start);
})();
