/* Minimal ResizeObserver for browsers that lack it (before 2020): reports sizes on window
   resize only. Loaded by Material's bundle from this site instead of a CDN. */
(function () {
  if (window.ResizeObserver) return;
  window.ResizeObserver = function (callback) {
    var targets = [];
    var observer = this;
    function report() {
      callback(targets.map(function (target) {
        return { target: target, contentRect: target.getBoundingClientRect() };
      }), observer);
    }
    window.addEventListener("resize", report);
    this.observe = function (target) { targets.push(target); setTimeout(report, 0); };
    this.unobserve = function (target) {
      targets = targets.filter(function (t) { return t !== target; });
    };
    this.disconnect = function () { targets = []; window.removeEventListener("resize", report); };
  };
})();
