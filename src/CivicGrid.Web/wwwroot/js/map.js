// Draws the page's #map element from its GeoJSON endpoint: the node's own outline, its areas (each coloured and
// named on the map), and a grid's buildings, with a legend naming every colour. Tiles are drawn only when configured.
(function () {
    'use strict';

    const palette = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#dc2626', '#0891b2', '#4d7c0f', '#be185d'];
    const markers = { building: '#1e3a8a', office: '#0e7490' };

    function legend(map, element, entries) {
        const control = L.control({ position: 'bottomright' });
        control.onAdd = function () {
            const box = L.DomUtil.create('div', 'map-legend');
            box.id = 'map-legend';
            entries.forEach(function (entry) {
                const row = L.DomUtil.create('div', 'map-legend-row', box);
                const swatch = L.DomUtil.create('span', 'map-swatch map-swatch-' + entry.shape, row);
                swatch.style.borderColor = entry.colour;
                if (entry.shape !== 'outline') { swatch.style.backgroundColor = entry.colour; }
                row.appendChild(document.createTextNode(entry.label));
            });
            return box;
        };
        control.addTo(map);
    }

    function entriesOf(collection, element) {
        const entries = [];
        const kinds = new Set(collection.features.map(function (f) { return f.properties.kind; }));
        if (kinds.has('outline')) { entries.push({ shape: 'outline', colour: '#334155', label: element.dataset.outline || '' }); }
        collection.features.filter(function (f) { return f.properties.kind === 'area'; }).forEach(function (f) {
            entries.push({ shape: 'area', colour: f.properties.colour, label: f.properties.name });
        });
        ['building', 'office'].filter(function (k) { return kinds.has(k); }).forEach(function (k) {
            entries.push({ shape: 'point', colour: markers[k], label: element.dataset[k] || k });
        });
        return entries;
    }

    function styleOf(feature) {
        if (feature.properties.kind === 'outline') {
            return { color: '#334155', weight: 2, dashArray: '6 4', fill: false, interactive: false };
        }
        return { color: feature.properties.colour, weight: 1.5, fillColor: feature.properties.colour, fillOpacity: 0.15 };
    }

    function bind(element, feature, shape) {
        const p = feature.properties;
        if (p.kind === 'outline') {
            return;
        }
        if (p.kind === 'area') {
            shape.bindTooltip(civicGrid.plainText(p.name), { permanent: true, direction: 'center', className: 'map-label' });
        } else {
            shape.bindTooltip(civicGrid.plainText(p.name + (p.address ? ' · ' + p.address : '')));
        }
        shape.on('click', function () {
            if (p.kind === 'area' && p.code !== element.dataset.self) {
                window.location.href = 'territory/' + p.code;
            } else if (p.id) {
                window.location.href = 'buildings/' + p.id;
            }
        });
    }

    function show(map, element, collection) {
        let index = 0;
        collection.features.forEach(function (f) {
            if (f.properties.kind === 'area') { f.properties.colour = palette[index++ % palette.length]; }
        });
        const layer = L.geoJSON(collection, {
            style: styleOf,
            pointToLayer: function (feature, latlng) {
                const office = feature.properties.kind === 'office';
                return L.circleMarker(latlng, { radius: office ? 7 : 5, color: markers[feature.properties.kind], fillOpacity: 0.8 });
            },
            onEachFeature: function (feature, shape) { bind(element, feature, shape); }
        }).addTo(map);
        const bounds = layer.getBounds();
        if (bounds.isValid()) {
            map.fitBounds(bounds, { padding: [10, 10], animate: false });
        } else {
            map.setView([30.32, 120.14], 13);
        }
        legend(map, element, entriesOf(collection, element));
        element.dataset.features = String(collection.features.filter(function (f) { return f.properties.kind !== 'outline'; }).length);
    }

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
            .then(function (collection) { show(map, element, collection); })
            .catch(function () {
                element.textContent = element.dataset.failed || '地图数据加载失败';
            });
    }

    // Pages load in full (enhanced navigation is off), so drawing once per load is enough.
    document.addEventListener('DOMContentLoaded', draw);
})();
