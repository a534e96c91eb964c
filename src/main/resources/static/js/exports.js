// Links and forms marked data-export download through fetch, so the page shows the import's progress display while
// the CSV streams in (rows done of the X-Row-Count total, %, rows per second, time left), then save the file under
// the server's name. Without JavaScript (or fetch streams) they stay plain downloads.
(function () {
    var template = document.getElementById('export-progress-template');
    if (!template || !window.fetch || !window.ReadableStream || !window.TextDecoder) {
        return;
    }
    var running = false;
    var lang = document.documentElement.lang || undefined;
    var numbers = new Intl.NumberFormat(lang, {useGrouping: 'always'}); // 3.000 in Italian, as the server writes it

    function say(key, values) {
        var text = template.getAttribute('data-' + key) || '';
        return text.replace(/\{(\d)\}/g, function (all, i) {
            var v = values[Number(i)];
            return typeof v === 'number' ? numbers.format(v) : String(v);
        });
    }

    function display() {
        var old = document.getElementById('export-progress');
        if (old) {
            old.remove();
        }
        var section = template.content.firstElementChild.cloneNode(true);
        template.parentNode.insertBefore(section, template);
        return {
            status: section.querySelector('.export-status'),
            bar: section.querySelector('progress'),
            text: section.querySelector('#export-progress-text'),
            rate: section.querySelector('#export-rate'),
            error: section.querySelector('#export-error')
        };
    }

    function show(view, rows, total, started, done) {
        var seconds = (performance.now() - started) / 1000;
        if (total === null) {
            if (done) {
                view.bar.value = 100;
            } else {
                view.bar.removeAttribute('value');
            }
            view.text.textContent = say('rows', [rows]);
        } else {
            var shown = Math.min(rows, total);
            var percent = done || total === 0 ? 100 : Math.floor(shown * 100 / total);
            view.bar.value = percent;
            view.bar.textContent = percent + '%';
            view.text.textContent = say('progress', [shown, total, percent]);
        }
        var rate = seconds > (done ? 0 : 0.2) ? Math.round(rows / seconds) : 0;
        if (rate <= 0) {
            view.rate.textContent = say('starting', []);
        } else {
            var left = total === null || done ? 0 : Math.ceil(Math.max(0, total - rows) / rate);
            view.rate.textContent = say('rate', [rate, left]);
        }
    }

    function fileName(response, address) {
        var header = response.headers.get('Content-Disposition') || '';
        var encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
        if (encoded) {
            return decodeURIComponent(encoded[1]);
        }
        var plain = /filename="?([^";]+)"?/i.exec(header);
        return plain ? plain[1] : address.pathname.split('/').pop();
    }

    function problem(response) {
        var type = response.headers.get('Content-Type') || '';
        if (type.indexOf('json') < 0) {
            return Promise.resolve(String(response.status));
        }
        return response.json().then(function (p) {
            if (Array.isArray(p.errors) && p.errors.length) {
                return p.errors.map(function (f) { return f.field + ': ' + f.message; }).join('; ');
            }
            return p.detail || p.title || String(response.status);
        }, function () {
            return String(response.status);
        });
    }

    function save(parts, type, name) {
        var url = URL.createObjectURL(new Blob(parts, {type: type || 'text/csv'}));
        var a = document.createElement('a');
        a.href = url;
        a.download = name;
        a.hidden = true;
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
    }

    function read(response, view, address) {
        var header = response.headers.get('X-Row-Count');
        var total = header === null || header === '' || isNaN(Number(header)) ? null : Number(header);
        var reader = response.body.getReader();
        var parts = [];
        var newlines = 0;
        var started = performance.now();
        show(view, 0, total, started, false);
        function next(chunk) {
            if (chunk.done) {
                var rows = Math.max(0, newlines - 1);
                show(view, rows, total, started, true);
                var name = fileName(response, address);
                view.status.textContent = say('done', [name]);
                save(parts, response.headers.get('Content-Type'), name);
                return;
            }
            parts.push(chunk.value);
            for (var i = 0; i < chunk.value.length; i++) {
                if (chunk.value[i] === 10) {
                    newlines++;
                }
            }
            show(view, Math.max(0, newlines - 1), total, started, false);
            return reader.read().then(next);
        }
        return reader.read().then(next);
    }

    function fail(view, message) {
        view.status.hidden = true;
        view.error.textContent = say('failed', [message]);
        view.error.hidden = false;
        view.bar.value = 0;
    }

    function download(address) {
        running = true;
        var view = display();
        view.status.textContent = say('running', []);
        fetch(address.href, {credentials: 'same-origin', headers: {'Accept': 'text/csv, application/problem+json'}})
            .then(function (response) {
                if (!response.ok) {
                    return problem(response).then(function (message) { fail(view, message); });
                }
                return read(response, view, address);
            })
            .catch(function (e) { fail(view, e && e.message ? e.message : String(e)); })
            .then(function () { running = false; });
    }

    document.addEventListener('click', function (e) {
        var link = e.target.closest ? e.target.closest('a[data-export]') : null;
        if (!link || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) {
            return;
        }
        e.preventDefault();
        if (!running) {
            download(new URL(link.href, document.baseURI));
        }
    });

    document.addEventListener('submit', function (e) {
        var form = e.target;
        if (!form.matches || !form.matches('form[data-export]') || (form.method || 'get').toLowerCase() !== 'get') {
            return;
        }
        e.preventDefault();
        if (running) {
            return;
        }
        var address = new URL(form.action, document.baseURI);
        new FormData(form).forEach(function (value, key) {
            if (value !== '') {
                address.searchParams.append(key, value);
            }
        });
        download(address);
    });
})();
