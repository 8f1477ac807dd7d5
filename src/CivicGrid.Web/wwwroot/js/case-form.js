// The case pages' behaviour: pick a place on the map, list open cases of the same item nearby, upload photos.
(function () {
    'use strict';

    const tapSize = 48;

    function uploadPhotos(input) {
        const target = document.getElementById(input.dataset.photosFor);
        const status = document.getElementById('photo-status');
        const files = Array.from(input.files).slice(0, 9);
        target.value = '';
        Promise.all(files.map(function (file) {
            const body = new FormData();
            body.append('file', file);
            const keep = document.getElementById('keep-location');
            const url = 'api/attachments' + (keep && keep.checked ? '?keepLocation=true' : '');
            return fetch(url, { method: 'POST', body: body, credentials: 'same-origin', headers: window.civicGrid.tokenHeaders() })
                .then(function (r) { return r.ok ? r.json() : r.json().then(function (p) { return Promise.reject(p); }); });
        })).then(function (ids) {
            target.value = ids.join(',');
            if (status) { status.textContent = status.dataset.uploaded.replace('{0}', ids.length); }
        }).catch(function (problem) {
            input.value = '';
            const errors = problem && problem.errors ? Object.values(problem.errors).flat() : ['上传失败'];
            if (status) { status.textContent = errors.join('；'); }
        });
    }

    function showQuestions(select) {
        document.querySelectorAll('.case-questions').forEach(function (block) {
            block.hidden = block.dataset.item !== select.value;
        });
    }

    function renderNearby(box, cases) {
        box.replaceChildren();
        const heading = document.createElement('div');
        heading.className = 'small fw-bold';
        heading.textContent = cases.length === 0 ? box.dataset.empty : box.dataset.title;
        box.appendChild(heading);
        cases.forEach(function (c) {
            const row = document.createElement('div');
            row.className = 'd-flex justify-content-between align-items-center border-bottom py-1 small nearby-case';
            const text = document.createElement('span');
            text.textContent = '#' + c.id + ' ' + c.description + '（' + c.statusName + '，' + c.distanceMetres + ' 米）';
            const button = document.createElement('button');
            button.type = 'button';
            button.className = 'btn btn-sm btn-outline-primary';
            button.textContent = box.dataset.support + ' ' + c.supportCount;
            button.addEventListener('click', function () {
                fetch('api/cases/' + c.id + '/support', { method: 'POST', credentials: 'same-origin', headers: window.civicGrid.tokenHeaders() })
                    .then(function (r) { if (r.ok) { button.disabled = true; button.textContent = box.dataset.supported; } });
            });
            row.append(text, button);
            box.appendChild(row);
        });
    }

    function lookNearby() {
        const item = document.getElementById('item');
        const lat = document.getElementById('latitude').value;
        const lon = document.getElementById('longitude').value;
        const box = document.getElementById('nearby');
        if (!item.value || !lat || !lon || !box) {
            return;
        }
        const query = new URLSearchParams({ itemCode: item.value, latitude: lat, longitude: lon });
        fetch('api/cases/nearby?' + query, { credentials: 'same-origin' })
            .then(function (r) { return r.ok ? r.json() : []; })
            .then(function (cases) { renderNearby(box, cases); });
    }

    // The whole district on a phone makes each grid a few pixels wide; zoom in until the smallest is a finger's width.
    function zoomToTappable(map, layer) {
        let smallest = Infinity;
        layer.eachLayer(function (shape) {
            const bounds = shape.getBounds();
            const a = map.latLngToContainerPoint(bounds.getNorthWest());
            const b = map.latLngToContainerPoint(bounds.getSouthEast());
            smallest = Math.min(smallest, Math.abs(b.x - a.x), Math.abs(b.y - a.y));
        });
        if (smallest > 0 && smallest < tapSize) {
            map.setZoom(Math.min(18, map.getZoom() + Math.ceil(Math.log2(tapSize / smallest))), { animate: false });
        }
    }

    function pickMap(element) {
        const map = L.map(element);
        if (element.dataset.tiles) {
            L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution || '' }).addTo(map);
        }
        let marker = null;
        function mark(latlng) {
            document.getElementById('picked').textContent = latlng.lat.toFixed(5) + ', ' + latlng.lng.toFixed(5);
            if (marker) { marker.setLatLng(latlng); } else { marker = L.marker(latlng).addTo(map); }
        }
        map.on('click', function (e) {
            document.getElementById('latitude').value = e.latlng.lat.toFixed(6);
            document.getElementById('longitude').value = e.latlng.lng.toFixed(6);
            mark(e.latlng);
            lookNearby();
        });
        // A form sent back with an error still holds the place picked before it.
        const lat = parseFloat(document.getElementById('latitude').value);
        const lng = parseFloat(document.getElementById('longitude').value);
        if (isFinite(lat) && isFinite(lng)) {
            mark(L.latLng(lat, lng));
            lookNearby();
        }
        fetch(element.dataset.geojson, { credentials: 'same-origin' })
            .then(function (r) { return r.json(); })
            .then(function (outline) {
                const layer = L.geoJSON(outline, {
                    style: { color: '#2563eb', weight: 1, fillOpacity: 0.05 },
                    onEachFeature: function (feature, shape) {
                        shape.bindTooltip(civicGrid.plainText(feature.properties.name));
                        shape.on('click', function (e) { map.fire('click', e); });
                    }
                }).addTo(map);
                if (layer.getBounds().isValid()) { map.fitBounds(layer.getBounds(), { animate: false }); } else { map.setView([30.32, 120.14], 13); }
                zoomToTappable(map, layer);
            });
    }

    function start() {
        document.querySelectorAll('input[data-photos-for]').forEach(function (input) {
            input.addEventListener('change', function () { uploadPhotos(input); });
        });
        const item = document.getElementById('item');
        if (item && document.getElementById('case-form')) {
            showQuestions(item);
            item.addEventListener('change', function () { showQuestions(item); lookNearby(); });
        }
        const element = document.getElementById('pick-map');
        if (element && typeof L !== 'undefined') {
            pickMap(element);
        }
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();
