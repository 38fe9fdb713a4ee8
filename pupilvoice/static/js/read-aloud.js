// Read-aloud (A11Y-06): a speaker button beside each sentence and choice reads it, only
// when tapped. A good voice on the device for the language comes first (one that runs on
// the device: a voice of the browser's company would send the text away). Otherwise, on
// the class tablet, the button plays audio the server made with espeak-ng: it GETs its
// data-say-src and, when the server has not made that sentence yet, POSTs the sentence to
// the same address (the address is a key the server made; it checks the text against it).
// One sound at a time: a new tap stops the old one, and leaving the page stops it. A
// button stays hidden only when neither way can speak.
(function () {
  "use strict";
  var script = document.currentScript;
  var csrf = script ? script.getAttribute("data-csrf") : null;
  var synth = window.speechSynthesis;
  if (!synth || typeof window.SpeechSynthesisUtterance !== "function") synth = null;
  var player = null; // one audio element for the page: tablets allow it once it was tapped
  var turn = 0; // which tap is current: a sound made for an older tap is never played

  function language(button) {
    // A button may speak text in another language than the page (staff text on a
    // parent's page in Polish): its data-lang says which.
    var own = button && button.getAttribute("data-lang");
    return (own || document.documentElement.lang || "en").toLowerCase();
  }

  function deviceVoice(lang) {
    if (!synth) return null;
    var base = lang.split("-")[0];
    var voices = (synth.getVoices() || []).filter(function (voice) {
      var code = (voice.lang || "").toLowerCase().replace("_", "-").split("-")[0];
      return code === base && voice.localService;
    });
    return voices[0] || null;
  }

  function stop() {
    turn += 1;
    if (synth) synth.cancel();
    if (player) player.pause();
  }

  function speakOnDevice(text, lang, voice) {
    var utterance = new window.SpeechSynthesisUtterance(text);
    utterance.lang = lang;
    utterance.rate = 0.9;
    utterance.voice = voice;
    synth.speak(utterance);
  }

  // Ask the server to make the sentence's audio; true once it is there to GET.
  function make(button) {
    var body = new URLSearchParams();
    body.set("text", button.getAttribute("data-say"));
    return fetch(button.getAttribute("data-say-src"), {
      method: "POST", credentials: "same-origin", body: body,
      headers: { "X-CSRFToken": csrf || "" }
    }).then(function (response) { return response.ok; }, function () { return false; });
  }

  function playFromServer(button) {
    if (!player) player = new Audio();
    var audio = player, src = button.getAttribute("data-say-src"), mine = turn, asked = false;
    audio.onerror = function () {
      // Not made yet (404): make it once, then play it. play() is first called during the
      // tap itself, so the tablet lets the same element play when the audio arrives.
      if (asked || mine !== turn) return;
      asked = true;
      make(button).then(function (made) {
        if (!made || mine !== turn) return;
        audio.src = src;
        audio.play().catch(function () {});
      });
    };
    audio.src = src;
    audio.play().catch(function () {}); // a missing sentence is handled by onerror
  }

  function speak(button) {
    stop();
    var lang = language(button);
    var voice = deviceVoice(lang);
    if (voice) speakOnDevice(button.getAttribute("data-say"), lang, voice);
    else if (button.hasAttribute("data-say-src")) playFromServer(button);
  }

  function buttons() {
    return Array.prototype.slice.call(document.querySelectorAll("button[data-say]"));
  }

  function showWhenAble() {
    buttons().forEach(function (button) {
      button.hidden = !button.hasAttribute("data-say-src") && deviceVoice(language(button)) === null;
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    buttons().forEach(function (button) {
      button.addEventListener("click", function (event) {
        event.preventDefault();
        speak(button);
      });
    });
    showWhenAble();
    if (synth && typeof synth.addEventListener === "function") {
      synth.addEventListener("voiceschanged", showWhenAble);
    }
  });
  // Stop talking when the page goes away (the next pupil should not hear it).
  window.addEventListener("pagehide", stop);
})();
