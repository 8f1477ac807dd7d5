// Draws the projects of #project-map from its data-points, coloured by state, with a legend of the states.
(function () {
    'use strict';

    const colours = { terminated: '#64748b', suspended: '#a855f7', overdue: '#dc2626', notyet: '#f59e0b', ontrack: '#16a34a' };

    function start() {
        const element = document.getElementById('project-map');
        if (!element || typeof L === 'undefined') {
            return;
        }
        const points = JSON.parse(element.dataset.points);
        const states = JSON.parse(element.dataset.states);
        const map = L.map(element, { zoomSnap: 0.25 }).setView([30.32, 120.14], 13);
        if (element.dataset.tiles) {
            L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution || '' }).addTo(map);
        }
        element.dataset.count = String(points.length);
        if (points.length === 0) {
            element.insertAdjacentHTML('afterend', '<p class="small text-muted mt-1"></p>');
            element.nextElementSibling.textContent = element.dataset.none;
            return;
        }
        const layer = L.featureGroup(points.map(function (p) {
            const marker = L.circleMarker([p.lat, p.lon], { radius: 6, color: colours[p.state], fillColor: colours[p.state], fillOpacity: 0.8, weight: 1 });
            const link = document.createElement('a');
            link.href = 'projects/' + p.id;
            link.textContent = p.name + ' · ' + p.stage;
            return marker.bindPopup(link);
        })).addTo(map);
        map.fitBounds(layer.getBounds(), { padding: [20, 20], maxZoom: 16, animate: false });
        const control = L.control({ position: 'bottomright' });
        control.onAdd = function () {
            const box = L.DomUtil.create('div', 'map-legend');
            box.id = 'map-legend';
            states.forEach(function (s) {
                const row = L.DomUtil.create('div', 'map-legend-row', box);
                const swatch = L.DomUtil.create('span', 'map-swatch map-swatch-point', row);
                swatch.style.borderColor = colours[s.key];
                swatch.style.backgroundColor = colours[s.key];
                row.appendChild(document.createTextNode(s.name));
            });
            return box;
        };
        control.addTo(map);
    }

    document.addEventListener('DOMContentLoaded', start);
})();
