// The customer area: installable as an app (service worker scoped to the circuit), CSRF header for fetches.
(function () {
    var script = document.currentScript;
    var worker = script && script.getAttribute('data-worker');
    if (worker && 'serviceWorker' in navigator && window.isSecureContext) {
        navigator.serviceWorker.register(worker).catch(function () { /* the pages work without it */ });
    }
})();
