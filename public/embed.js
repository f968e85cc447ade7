/*! Sizes the 汝州 story's iframes to their content, for host pages that do not use pym.js.
 *  <iframe data-ruzhou-story class="ruzhou-story-frame" src="STORY/embed.html" title="…"></iframe>
 *  <script src="STORY/embed.js" async></script>
 *  It trusts a message only when it comes from one of those iframes AND from the story's own origin
 *  (the origin this script was loaded from), and only in the pym.js height / scrollToChildPos format
 *  with a plain pixel number. Heights are capped; the host page scrolls only right after a reader's
 *  click in the story, and never past the iframe. Width messages (which ask the story for its
 *  height) go to the story's origin only: at start, on each iframe load, in answer to a frame's
 *  first height, and on resize (browsers pause rendering in off-screen frames, so the story may not
 *  notice its own reflow). No dependencies, no globals. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var ORIGIN = new URL(script.src, location.href).origin;
  var MAX_HEIGHT = 200000;
  // pym.js messages: any pym child id (no control characters), then a height for the iframe or a
  // position inside it to scroll the page to.
  var MESSAGE = /^pymxPYMx[^\x00-\x1f\x7f]{1,64}xPYMx(height|scrollToChildPos)xPYMx(\d{1,7})$/;
  var WIDTH = 'pymxPYMxruzhou-storyxPYMxwidthxPYMx';

  // The frames that have sent a height: each gets one width message back, so a story that started
  // after the pings below knows its parent speaks pym.js (its section links then scroll this page).
  var greeted = new WeakSet();

  function frames() { return document.querySelectorAll('iframe[data-ruzhou-story]'); }

  function ping(frame) {
    if (frame.contentWindow) {
      frame.contentWindow.postMessage(WIDTH + Math.round(frame.getBoundingClientRect().width), ORIGIN);
    }
  }

  // Whether the reader has just clicked or pressed a key (in this page or in the story: activation
  // propagates to the frames above). Browsers without the API count as activated.
  function readerActed() {
    return !navigator.userActivation || navigator.userActivation.isActive;
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== ORIGIN || typeof event.data !== 'string' || event.data.length > 128) return;
    var match = MESSAGE.exec(event.data);
    if (!match) return;
    var all = frames();
    for (var i = 0; i < all.length; i++) {
      var frame = all[i];
      if (frame.contentWindow !== event.source) continue;
      var px = parseInt(match[2], 10);
      if (match[1] === 'height') {
        if (px > 0) frame.setAttribute('height', String(Math.min(px, MAX_HEIGHT)));
        if (!greeted.has(frame)) {
          greeted.add(frame);
          ping(frame);
        }
      } else if (readerActed()) {
        var y = Math.min(px, frame.getBoundingClientRect().height);
        window.scrollTo(0, frame.getBoundingClientRect().top + window.pageYOffset + y);
      }
      return;
    }
  });

  var all = frames();
  for (var i = 0; i < all.length; i++) {
    all[i].addEventListener('load', function (event) { ping(event.target); });
    ping(all[i]);
  }

  var timer = 0;
  window.addEventListener('resize', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var all = frames();
      for (var i = 0; i < all.length; i++) ping(all[i]);
    }, 100);
  });
})();
