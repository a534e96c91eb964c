// Stores near me (issue 18): the phone's position is asked only when the customer taps a button with data-locate;
// it fills the form's lat and lon and sends the form (the list by distance, or a check-in). Without a position the
// page keeps working: the list by name, check-in with the poster's code.
document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-locate]');
    if (!button) {
        return;
    }
    var form = button.closest('form');
    var failure = document.getElementById(button.getAttribute('data-locate'));
    if (!navigator.geolocation) {
        failure.hidden = false;
        return;
    }
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(function (p) {
        form.querySelector('input[name=lat]').value = p.coords.latitude.toFixed(6);
        form.querySelector('input[name=lon]').value = p.coords.longitude.toFixed(6);
        form.submit();
    }, function () {
        button.disabled = false;
        failure.hidden = false;
    }, {enableHighAccuracy: true, timeout: 15000, maximumAge: 60000});
});

// The map, where the site configured a tile server (off by default): Leaflet served from this site, one marker per
// store that has coordinates.
window.addEventListener('load', function () {
    var element = document.getElementById('store-map');
    if (!element || !window.L) {
        return;
    }
    var map = L.map(element);
    L.tileLayer(element.getAttribute('data-tiles'), {maxZoom: 19, attribution: element.getAttribute('data-attribution')}).addTo(map);
    var points = [];
    document.querySelectorAll('#store-list li[data-lat]').forEach(function (li) {
        var at = [parseFloat(li.getAttribute('data-lat')), parseFloat(li.getAttribute('data-lon'))];
        L.marker(at, {title: li.getAttribute('data-name')}).addTo(map);
        points.push(at);
    });
    if (points.length > 0) {
        map.fitBounds(points, {maxZoom: 15, padding: [24, 24]});
    } else {
        map.setView([41.9, 12.5], 5);
    }
});
