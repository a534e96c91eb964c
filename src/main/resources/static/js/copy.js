// A button with data-copy puts its text on the clipboard (a shop's code to paste at the shop's checkout).
(function () {
    document.addEventListener('click', function (e) {
        var button = e.target.closest ? e.target.closest('button[data-copy]') : null;
        if (!button || !navigator.clipboard) {
            return;
        }
        navigator.clipboard.writeText(button.getAttribute('data-copy')).then(function () {
            button.setAttribute('data-copied', 'true');
        }, function () { /* the code stays on the page to copy by hand */ });
    });
})();
