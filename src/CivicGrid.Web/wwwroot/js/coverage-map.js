// The coverage page's map (#coverage-map): each building's households coloured by their walk to the nearest facility, and the facilities.
(function () {
    'use strict';

    // Within 5, 10 and 15 minutes, and beyond; the legend's .band-N classes use the same colours.
    const bandColours = ['#15803d', '#65a30d', '#d97706', '#dc2626'];

    function draw(element) {
        const map = L.map(element, { zoomSnap: 0.25 });
        if (element.dataset.tiles) {
            L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution || '' }).addTo(map);
        }
        fetch(element.dataset.layer, { credentials: 'same-origin' })
            .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
            .then(function (layer) {
                // Facilities first, hollow, so the households at the same building stay visible on top.
                layer.facilities.forEach(function (f) {
                    L.circleMarker([f.latitude, f.longitude], { radius: 11, color: '#1e3a8a', weight: 3, fillOpacity: 0 })
                        .bindTooltip(civicGrid.plainText(f.name))
                        .on('click', function () { window.location.href = 'facilities/' + f.id; })
                        .addTo(map);
                });
                const shapes = layer.households.map(function (h) {
                    return L.circleMarker([h.latitude, h.longitude], {
                        radius: Math.min(9, 3 + Math.sqrt(h.households) / 2), color: bandColours[h.band], weight: 1,
                        fillColor: bandColours[h.band], fillOpacity: 0.75
                    }).bindTooltip(h.households + ' ' + (element.dataset.unit || '')).addTo(map);
                });
                const bounds = L.featureGroup(shapes).getBounds();
                if (bounds.isValid()) {
                    map.fitBounds(bounds, { padding: [30, 30], maxZoom: 17, animate: false });
                } else {
                    map.setView([30.32, 120.14], 13);
                }
                element.dataset.points = String(layer.households.length);
                element.dataset.facilities = String(layer.facilities.length);
            })
            .catch(function () {
                element.textContent = element.dataset.failed || '';
            });
    }

    document.addEventListener('DOMContentLoaded', function () {
        const element = document.getElementById('coverage-map');
        if (element && typeof L !== 'undefined') {
            draw(element);
        }
    });
})();
