/*! Sizes the 汝州 story iframe to its content, for host pages that do not use pym.js.
 *  <iframe data-ruzhou-story src="STORY/embed.html" title="…"></iframe>
 *  <script src=".../embed.js" async></script>
 *  Only messages whose source is one of those iframes and whose data is a pym.js height or
 *  scrollToChildPos message with a plain pixel number are used; everything else is ignored. On resize it asks the story for
 *  its height (a pym.js width message): browsers pause the rendering of off-screen frames, so the
 *  story may not notice its own reflow until then. No dependencies, no globals. */
(function () {
  'use strict';
  // pym.js messages: a height for the iframe, or a position inside it to scroll the page to.
  var MESSAGE = /^pymxPYMx[A-Za-z0-9_:.-]{1,64}xPYMx(height|scrollToChildPos)xPYMx(\d{1,7})$/;
  window.addEventListener('message', function (event) {
    if (typeof event.data !== 'string') return;
    var match = MESSAGE.exec(event.data);
    if (!match) return;
    var frames = document.querySelectorAll('iframe[data-ruzhou-story]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        var px = parseInt(match[2], 10);
        if (match[1] === 'height') {
          if (px > 0) frames[i].setAttribute('height', String(px));
        } else {
          window.scrollTo(0, frames[i].getBoundingClientRect().top + window.pageYOffset + px);
        }
        return;
      }
    }
  });

  var timer = 0;
  window.addEventListener('resize', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var frames = document.querySelectorAll('iframe[data-ruzhou-story]');
      for (var i = 0; i < frames.length; i++) {
        var width = Math.round(frames[i].getBoundingClientRect().width);
        if (frames[i].contentWindow) frames[i].contentWindow.postMessage('pymxPYMxruzhou-storyxPYMxwidthxPYMx' + width, '*');
      }
    }, 100);
  });
})();
