// Runs before the app, in <head>, so the page never flashes the wrong theme.
// Mirrors applyTheme() in src/theme/theme.ts; the app keeps localStorage in step with the
// account's `theme` preference.
(function () {
  try {
    var choice = localStorage.getItem('aw.theme');
    if (choice !== 'light' && choice !== 'dark') {
      choice = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    }
    document.documentElement.setAttribute('data-theme', choice);
  } catch {
    document.documentElement.setAttribute('data-theme', 'light');
  }
})();
