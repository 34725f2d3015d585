// Shared by the benchmark drivers: run in every frame (page.addInitScript), it notes when a card
// is first painted (two frames after it appears: the widget's first paint `.first-card`, or a
// `.profile-card`) and when the app's card is (interactive), independent of how often the
// driver polls: `window.__painted` and `window.__interactive`, in the frame's own clock.
export function watchPaints() {
  const paintedAfter = (selector, name) => {
    const observer = new MutationObserver(() => {
      if (window[name] === undefined && document.querySelector(selector)) {
        window[name] = null;
        observer.disconnect();
        requestAnimationFrame(() => requestAnimationFrame(() => { window[name] = performance.now(); }));
      }
    });
    observer.observe(document, { childList: true, subtree: true }); // no root element yet
  };
  paintedAfter('.first-card, .profile-card', '__painted');
  paintedAfter('.profile-card', '__interactive');
}
