// The case page's small map: the case's own point inside its grid, the neighbouring grids around it, and a legend.
(function () {
    'use strict';

    const colours = { point: '#dc2626', own: '#2563eb', other: '#94a3b8' };

    function legend(map, element) {
        const control = L.control({ position: 'bottomright' });
        control.onAdd = function () {
            const box = L.DomUtil.create('div', 'map-legend');
            [['case', colours.point, element.dataset.pointLabel], ['area', colours.own, element.dataset.ownLabel], ['outline', colours.other, element.dataset.otherLabel]]
                .forEach(function (entry) {
                    const row = L.DomUtil.create('div', 'map-legend-row', box);
                    const swatch = L.DomUtil.create('span', 'map-swatch map-swatch-' + entry[0], row);
                    swatch.style.borderColor = entry[1];
                    if (entry[0] !== 'outline') { swatch.style.backgroundColor = entry[1]; }
                    row.appendChild(document.createTextNode(entry[2] || ''));
                });
            return box;
        };
        control.addTo(map);
    }

    function draw(element) {
        const point = [Number(element.dataset.latitude), Number(element.dataset.longitude)];
        const map = L.map(element, { scrollWheelZoom: false }).setView(point, 16);
        if (element.dataset.tiles) {
            L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution || '' }).addTo(map);
        }
        fetch(element.dataset.geojson, { credentials: 'same-origin' })
            .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
            .then(function (outline) {
                L.geoJSON(outline, {
                    interactive: false,
                    style: function (f) {
                        const own = f.properties.code === element.dataset.grid;
                        return own ? { color: colours.own, weight: 2, fillOpacity: 0.1 } : { color: colours.other, weight: 1, dashArray: '4 3', fill: false };
                    },
                    onEachFeature: function (f, shape) {
                        if (f.properties.code === element.dataset.grid) {
                            shape.bindTooltip(civicGrid.plainText(f.properties.name), { permanent: true, direction: 'top', className: 'map-label' });
                        }
                    }
                }).addTo(map);
                L.circleMarker(point, { radius: 8, color: '#ffffff', weight: 2, fillColor: colours.point, fillOpacity: 1 }).addTo(map);
                legend(map, element);
                element.dataset.drawn = '1';
            })
            .catch(function () { element.textContent = element.dataset.failed || ''; });
    }

    function start() {
        const element = document.getElementById('case-map');
        if (element && typeof L !== 'undefined') {
            draw(element);
        }
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();
