// Every htmx request carries the CSRF token from the page's meta tags.
document.addEventListener('htmx:configRequest', function (event) {
    var header = document.querySelector('meta[name="_csrf_header"]');
    var token = document.querySelector('meta[name="_csrf"]');
    if (header && token) {
        event.detail.headers[header.content] = token.content;
    }
});

// A print button for printable pages (the poster): no inline script under the Content-Security-Policy.
document.addEventListener('click', function (event) {
    if (event.target.closest('[data-print]')) {
        window.print();
    }
});

// The counter scans the card's QR code with the camera where the browser can (BarcodeDetector + getUserMedia);
// elsewhere the button stays hidden and the operator types the number.
document.addEventListener('DOMContentLoaded', function () {
    var button = document.querySelector('[data-scan]');
    if (!button || !('BarcodeDetector' in window) || !navigator.mediaDevices) {
        return;
    }
    button.hidden = false;
    var form = button.closest('form');
    var video = form.querySelector('video.scanner');
    var failure = form.querySelector('.scan-error');
    var input = document.getElementById(button.getAttribute('data-scan'));
    var stream = null;
    function stop() {
        if (stream) {
            stream.getTracks().forEach(function (t) { t.stop(); });
        }
        stream = null;
        video.hidden = true;
    }
    button.addEventListener('click', function () {
        if (stream) {
            stop();
            return;
        }
        var detector = new BarcodeDetector({formats: ['qr_code']});
        navigator.mediaDevices.getUserMedia({video: {facingMode: 'environment'}}).then(function (s) {
            stream = s;
            failure.hidden = true;
            video.srcObject = s;
            video.hidden = false;
            video.play();
            var look = function () {
                if (!stream) {
                    return;
                }
                detector.detect(video).then(function (codes) {
                    if (codes.length > 0) {
                        input.value = codes[0].rawValue;
                        stop();
                        form.requestSubmit();
                    } else {
                        setTimeout(look, 250);
                    }
                }).catch(function () { setTimeout(look, 500); });
            };
            look();
        }).catch(function () {
            failure.hidden = false;
        });
    });
});

// A page that only sends the operator on to a shop (Shopify's install, WooCommerce's approval) follows its link by
// itself: a form may only post to this site (form-action 'self'), so the step to the shop is a navigation.
document.addEventListener('DOMContentLoaded', function () {
    var next = document.querySelector('a[data-follow]');
    if (next) {
        window.location.assign(next.href);
    }
});

// A file input with data-max-bytes refuses a file that is too large before it is sent (the server refuses it too,
// but a body of megabytes would be turned away before the page could answer): the message shows under the field.
document.addEventListener('change', function (event) {
    var input = event.target;
    if (!input.matches || !input.matches('input[type=file][data-max-bytes]')) {
        return;
    }
    var id = input.id + '-error';
    var message = document.getElementById(id);
    var tooBig = input.files.length > 0 && input.files[0].size > Number(input.dataset.maxBytes);
    if (tooBig) {
        if (!message) {
            message = document.createElement('p');
            message.className = 'message error';
            message.id = id;
            input.insertAdjacentElement('afterend', message);
        }
        message.textContent = input.dataset.tooBig;
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', id);
        input.value = '';
    } else if (message) {
        message.remove();
        input.removeAttribute('aria-invalid');
        input.removeAttribute('aria-describedby');
    }
});
