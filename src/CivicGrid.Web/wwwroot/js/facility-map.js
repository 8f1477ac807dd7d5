// The facility pages' maps: markers of the listed facilities (#facility-map), and picking a facility's place (#facility-pick).
(function () {
    'use strict';

    const districtCentre = [30.32, 120.14];

    function baseMap(element) {
        const map = L.map(element, { zoomSnap: 0.25 });
        if (element.dataset.tiles) {
            L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution || '' }).addTo(map);
        }
        return map;
    }

    function drawFacilities(element) {
        const facilities = JSON.parse(element.dataset.facilities || '[]');
        const map = baseMap(element);
        const markers = facilities.map(function (f) {
            const marker = L.circleMarker([f.lat, f.lon], { radius: 7, color: '#9a3412', fillColor: '#f97316', fillOpacity: 0.85 });
            marker.bindTooltip(civicGrid.plainText(f.name + ' · ' + f.type));
            marker.on('click', function () { window.location.href = 'facilities/' + f.id; });
            return marker.addTo(map);
        });
        const bounds = L.featureGroup(markers).getBounds();
        if (bounds.isValid()) {
            map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16, animate: false });
        } else {
            map.setView(districtCentre, 13);
        }
        element.dataset.markers = String(markers.length);
    }

    function pickPlace(element) {
        const lat = document.getElementById('latitude');
        const lon = document.getElementById('longitude');
        const map = baseMap(element);
        let marker = null;
        function place(latlng) {
            if (marker) {
                marker.setLatLng(latlng);
            } else {
                marker = L.circleMarker(latlng, { radius: 8, color: '#9a3412', fillColor: '#f97316', fillOpacity: 0.85 }).addTo(map);
            }
        }
        const current = [parseFloat(lat.value), parseFloat(lon.value)];
        if (!isNaN(current[0]) && !isNaN(current[1])) {
            place(current);
            map.setView(current, 16);
        } else {
            map.setView(districtCentre, 13);
        }
        map.on('click', function (e) {
            lat.value = e.latlng.lat.toFixed(6);
            lon.value = e.latlng.lng.toFixed(6);
            place(e.latlng);
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        if (typeof L === 'undefined') {
            return;
        }
        const list = document.getElementById('facility-map');
        if (list) {
            drawFacilities(list);
        }
        const pick = document.getElementById('facility-pick');
        if (pick) {
            pickPlace(pick);
        }
    });
})();
