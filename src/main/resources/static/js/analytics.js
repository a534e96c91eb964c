// Draws the analytics dashboard's charts from their canvases' data- attributes (the page has no inline script),
// formats numbers in the page's language, and turns each chart's table into a CSV download.
(function () {
    'use strict';
    var lang = document.documentElement.lang || 'en';
    var numbers = new Intl.NumberFormat(lang);
    var dates = new Intl.DateTimeFormat(lang, {day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC'});
    var colours = ['#2563eb', '#16a34a', '#dc2626', '#9333ea'];
    window.loyaltyhubCharts = [];

    function draw(canvas) {
        var rows = JSON.parse(canvas.dataset.rows || '[]');
        var names = (canvas.dataset.series || '').split('|');
        var labels = canvas.dataset.labels ? JSON.parse(canvas.dataset.labels)
            : rows.map(function (r) { return dates.format(new Date(r.week + 'T00:00:00Z')); });
        var minor = canvas.dataset.minor === 'true';
        var type = canvas.dataset.type === 'hbar' ? 'bar' : canvas.dataset.type;
        var datasets = names.map(function (name, i) {
            return {label: name, backgroundColor: colours[i % colours.length], borderColor: colours[i % colours.length],
                data: rows.map(function (r) { return minor ? r.values[i] / 100 : r.values[i]; })};
        });
        var chart = new window.Chart(canvas, {
            type: type,
            data: {labels: labels, datasets: datasets},
            options: {
                indexAxis: canvas.dataset.type === 'hbar' ? 'y' : 'x', responsive: true, maintainAspectRatio: true,
                animation: false,
                plugins: {tooltip: {callbacks: {label: function (c) {
                    return c.dataset.label + ': ' + numbers.format(c.parsed[canvas.dataset.type === 'hbar' ? 'x' : 'y']);
                }}}},
                scales: {x: {ticks: {callback: canvas.dataset.type === 'hbar'
                            ? function (v) { return numbers.format(v); } : undefined}},
                    y: {ticks: {callback: canvas.dataset.type === 'hbar' ? undefined
                            : function (v) { return numbers.format(v); }}}}
            }
        });
        window.loyaltyhubCharts.push(chart);
    }

    function cell(text) {
        var t = text.trim();
        return /[",\n]/.test(t) ? '"' + t.replace(/"/g, '""') + '"' : t;
    }

    function download(button) {
        var table = document.getElementById(button.dataset.table);
        var lines = Array.prototype.map.call(table.rows, function (row) {
            return Array.prototype.map.call(row.cells, function (c) { return cell(c.textContent); }).join(',');
        });
        var link = document.createElement('a');
        link.href = URL.createObjectURL(new Blob([lines.join('\r\n') + '\r\n'], {type: 'text/csv'}));
        link.download = button.dataset.file;
        document.body.appendChild(link);
        link.click();
        link.remove();
    }

    function start() {
        if (window.Chart) {
            document.querySelectorAll('canvas.chart').forEach(draw);
        }
        document.querySelectorAll('button.csv').forEach(function (b) {
            b.addEventListener('click', function () { download(b); });
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();
