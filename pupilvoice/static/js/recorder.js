// Saying it out loud (progressive enhancement): Record / Stop with MediaRecorder, a player
// to listen back, and the recording put into the form's own file input, so "Save" sends it
// like any upload. Without MediaRecorder the file input stays (a tablet opens its recorder).
// data-max-bytes is the room left in the pupil's talking box: recording stops before it is
// full. When the box is full the page has no recorder, only the kind message, and typing.
(function () {
  "use strict";
  var TYPES = ["audio/webm;codecs=opus", "audio/webm", "audio/ogg;codecs=opus", "audio/mp4"];

  function supported() {
    return typeof window.MediaRecorder === "function" && navigator.mediaDevices &&
      typeof navigator.mediaDevices.getUserMedia === "function" &&
      typeof window.DataTransfer === "function";
  }

  function pickType() {
    for (var i = 0; i < TYPES.length; i++) {
      if (!MediaRecorder.isTypeSupported || MediaRecorder.isTypeSupported(TYPES[i])) return TYPES[i];
    }
    return "";
  }

  function extension(type) {
    if (type.indexOf("ogg") >= 0) return "ogg";
    if (type.indexOf("mp4") >= 0) return "m4a";
    return "webm";
  }

  function setUp(box) {
    var input = box.querySelector("input[type=file]");
    var controls = box.querySelector(".recorder__controls");
    var record = box.querySelector("[data-record]");
    var stop = box.querySelector("[data-stop]");
    var preview = box.querySelector("[data-preview]");
    var status = box.querySelector(".recorder__status");
    var maxSeconds = parseInt(box.dataset.maxSeconds || "180", 10);
    var maxBytes = parseInt(box.dataset.maxBytes || "5242880", 10);
    var recorder = null, chunks = [], timer = null, stream = null, size = 0;

    input.hidden = true;
    controls.hidden = false;

    function say(message) { status.textContent = message; }

    function finish() {
      clearTimeout(timer);
      if (stream) stream.getTracks().forEach(function (track) { track.stop(); });
      var type = (recorder && recorder.mimeType) || "audio/webm";
      var blob = new Blob(chunks, { type: type.split(";")[0] });
      record.hidden = false;
      stop.hidden = true;
      if (blob.size > maxBytes) { say(box.dataset.msgTooLong); return; }
      var file = new File([blob], "recording." + extension(type), { type: blob.type });
      var transfer = new DataTransfer();
      transfer.items.add(file);
      input.files = transfer.files;
      if (preview.src) URL.revokeObjectURL(preview.src);
      preview.src = URL.createObjectURL(blob);
      preview.hidden = false;
      record.querySelector("[data-record-label]").textContent = box.dataset.msgAgain;
      say(box.dataset.msgDone);
    }

    record.addEventListener("click", function () {
      navigator.mediaDevices.getUserMedia({ audio: true }).then(function (media) {
        stream = media;
        chunks = [];
        size = 0;
        var type = pickType();
        recorder = new MediaRecorder(media, type ? { mimeType: type, audioBitsPerSecond: 32000 } : {});
        recorder.addEventListener("dataavailable", function (event) {
          if (!event.data || !event.data.size) return;
          chunks.push(event.data);
          size += event.data.size;
          // the last piece comes after stop(): stop while two more still fit in the room
          if (size + 2 * event.data.size >= maxBytes && recorder.state === "recording") recorder.stop();
        });
        recorder.addEventListener("stop", finish);
        recorder.start(1000);  // a piece a second, to see the room fill up
        record.hidden = true;
        stop.hidden = false;
        stop.focus();
        say(box.dataset.msgRecording);
        timer = setTimeout(function () { if (recorder.state === "recording") recorder.stop(); }, maxSeconds * 1000);
      }).catch(function () {
        controls.hidden = true;
        input.hidden = false;
        say(box.dataset.msgNoMic);
      });
    });

    stop.addEventListener("click", function () {
      if (recorder && recorder.state === "recording") recorder.stop();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!supported()) return;
    document.querySelectorAll("[data-recorder]").forEach(setUp);
  });
})();
