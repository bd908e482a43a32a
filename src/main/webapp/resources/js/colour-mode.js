// Bootstrap's colour modes (data-bs-theme on <html>) following the reader's prefers-color-scheme.
//
// A classic script loaded synchronously in <head>, before the stylesheets' first use, on purpose:
// a module or deferred script would run after the first paint, and a dark-mode reader would see
// the page flash light first. It only sets one attribute, so it blocks nothing measurable. It also
// follows a change of the preference (the system switching to dark at dusk) while the page is open.
(() => {
    const dark = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
        document.documentElement.dataset.bsTheme = dark.matches ? 'dark' : 'light';
    };
    apply();
    dark.addEventListener('change', apply);
})();
