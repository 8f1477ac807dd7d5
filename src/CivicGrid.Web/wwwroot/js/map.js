// Draws the grids and buildings of the page's #map element from its GeoJSON endpoint.
(function () {
    'use strict';

    const palette = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#dc2626', '#0891b2', '#4d7c0f', '#be185d'];

    function draw() {
        const element = document.getElementById('map');
        if (!element || element.dataset.drawn === '1' || typeof L === 'undefined') {
            return;
        }
        element.dataset.drawn = '1';
        const map = L.map(element, { zoomSnap: 0.25 });
        if (element.dataset.tiles) {
            L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution || '' }).addTo(map);
        }
        fetch(element.dataset.geojson, { credentials: 'same-origin' })
            .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
            .then(function (collection) {
                let index = 0;
                const layer = L.geoJSON(collection, {
                    style: function (feature) {
                        if (feature.geometry.type === 'Point') {
                            return {};
                        }
                        const colour = palette[index++ % palette.length];
                        return { color: colour, weight: 1.5, fillColor: colour, fillOpacity: 0.15 };
                    },
                    pointToLayer: function (feature, latlng) {
                        const office = feature.properties.kind === 'office';
                        return L.circleMarker(latlng, { radius: office ? 7 : 5, color: office ? '#0e7490' : '#1e3a8a', fillOpacity: 0.8 });
                    },
                    onEachFeature: function (feature, shape) {
                        const p = feature.properties;
                        shape.bindTooltip(civicGrid.plainText(p.name + (p.address ? ' · ' + p.address : '')));
                        shape.on('click', function () {
                            if (p.kind === 'area' && p.code !== element.dataset.self) {
                                window.location.href = 'territory/' + p.code;
                            } else if (p.id) {
                                window.location.href = 'buildings/' + p.id;
                            }
                        });
                    }
                }).addTo(map);
                const bounds = layer.getBounds();
                if (bounds.isValid()) {
                    map.fitBounds(bounds, { padding: [10, 10], animate: false });
                } else {
                    map.setView([30.32, 120.14], 13);
                }
                element.dataset.features = String(collection.features.length);
            })
            .catch(function () {
                element.textContent = '地图数据加载失败';
            });
    }

    // Pages load in full (enhanced navigation is off), so drawing once per load is enough.
    document.addEventListener('DOMContentLoaded', draw);
})();
