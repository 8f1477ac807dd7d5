// The sweep assignments' map (#sweep-map): a business community's office buildings coloured by visit coverage.
(function () {
    'use strict';

    // CoverageBand: good, partial, poor, no firms; the legend's .cover-N classes use the same colours.
    const bandColours = ['#15803d', '#d97706', '#dc2626', '#6b7280'];

    function draw(element) {
        const buildings = JSON.parse(element.dataset.buildings || '[]');
        const map = L.map(element, { zoomSnap: 0.25 });
        if (element.dataset.tiles) {
            L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution || '' }).addTo(map);
        }
        const markers = buildings.map(function (b) {
            const colour = bandColours[b.band];
            return L.circleMarker([b.lat, b.lon], { radius: 8, color: colour, weight: 2, fillColor: colour, fillOpacity: 0.8 })
                .bindTooltip(civicGrid.plainText(b.name + ' · ' + b.covered + '/' + b.firms))
                .on('click', function () {
                    const row = document.querySelector("tr[data-building='" + b.id + "']");
                    if (row) { row.scrollIntoView({ block: 'center' }); }
                })
                .addTo(map);
        });
        const bounds = L.featureGroup(markers).getBounds();
        if (bounds.isValid()) {
            map.fitBounds(bounds, { padding: [24, 24], maxZoom: 17, animate: false });
        } else {
            map.setView([30.32, 120.14], 13);
        }
        element.dataset.markers = String(markers.length);
    }

    document.addEventListener('DOMContentLoaded', function () {
        const element = document.getElementById('sweep-map');
        if (element && typeof L !== 'undefined') {
            draw(element);
        }
    });
})();
