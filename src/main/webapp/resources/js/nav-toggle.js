// The header's menu behind the navbar toggler on narrow screens (layout.xhtml). Bootstrap's CSS
// shows .navbar-collapse.show and, from the navbar-expand-lg breakpoint up, always; this module
// only toggles .show and tells assistive technology the state through aria-expanded. Bootstrap's
// own script would do it too, at some 80 KB for this one control.
//
// Without JavaScript the toggler stays hidden and the menu open (resources/css/noscript.css).

for (const toggler of document.querySelectorAll('button.navbar-toggler[aria-controls]')) {
    const menu = document.getElementById(toggler.getAttribute('aria-controls'));
    if (!menu) {
        continue;
    }
    const setOpen = (open) => {
        menu.classList.toggle('show', open);
        toggler.setAttribute('aria-expanded', String(open));
    };
    toggler.addEventListener('click', () => setOpen(!menu.classList.contains('show')));
    // Escape closes an open menu and gives the focus back to its toggler, as a disclosure should.
    menu.addEventListener('keydown', (pressed) => {
        if (pressed.key === 'Escape' && menu.classList.contains('show')) {
            setOpen(false);
            toggler.focus();
        }
    });
}
