// The community's public case map: coarse points (about 50 m) of open cases in amber and recently resolved ones in green;
// a tap names the case and links to its public page. The points come with the page, so no request leaves it.
(function () {
    'use strict';

    const colours = { open: '#d97706', resolved: '#16a34a' };

    function legend(map, element) {
        const control = L.control({ position: 'bottomright' });
        control.onAdd = function () {
            const box = L.DomUtil.create('div', 'map-legend');
            [[colours.open, element.dataset.openLabel], [colours.resolved, element.dataset.resolvedLabel]].forEach(function (entry) {
                const row = L.DomUtil.create('div', 'map-legend-row', box);
                const swatch = L.DomUtil.create('span', 'map-swatch map-swatch-case', row);
                swatch.style.borderColor = entry[0];
                swatch.style.backgroundColor = entry[0];
                row.appendChild(document.createTextNode(entry[1] || ''));
            });
            return box;
        };
        control.addTo(map);
    }

    function popup(point) {
        const box = document.createElement('div');
        const link = document.createElement('a');
        link.href = 'community/cases/' + point.id;
        link.textContent = '#' + point.id + ' ' + point.itemName;
        box.appendChild(link);
        box.appendChild(document.createElement('br'));
        box.appendChild(document.createTextNode(point.statusName));
        return box;
    }

    function draw(element) {
        const points = JSON.parse(element.dataset.points || '[]');
        if (points.length === 0) {
            element.textContent = element.dataset.empty || '';
            element.classList.add('d-flex', 'align-items-center', 'justify-content-center', 'text-muted', 'small');
            element.dataset.drawn = '1';
            return;
        }
        const map = L.map(element, { scrollWheelZoom: false });
        if (element.dataset.tiles) {
            L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution || '' }).addTo(map);
        }
        const markers = points.map(function (p) {
            return L.circleMarker([p.latitude, p.longitude], {
                radius: 7, color: '#ffffff', weight: 2, fillColor: p.open ? colours.open : colours.resolved, fillOpacity: 0.9
            }).bindPopup(popup(p)).addTo(map);
        });
        const group = L.featureGroup(markers);
        if (points.length === 1) {
            map.setView(group.getBounds().getCenter(), 17);
        } else {
            map.fitBounds(group.getBounds(), { padding: [20, 20], maxZoom: 17 });
        }
        legend(map, element);
        element.dataset.drawn = '1';
        element.dataset.markers = String(points.length);
    }

    function start() {
        const element = document.getElementById('community-map');
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
