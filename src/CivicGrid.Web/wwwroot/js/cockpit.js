// Draws the cockpit (#cockpit): its trend chart from data-cockpit, its map of areas coloured by score from the
// outlines endpoint (the territory shows even without tiles), and reloads the page every data-refresh seconds.
(function () {
    'use strict';

    const rateColours = ['#60a5fa', '#4ade80', '#fbbf24'];

    function drawTrend(element, data) {
        const chart = echarts.init(element);
        const series = data.labels.rates.map(function (name, i) {
            return { name: name, type: 'line', color: rateColours[i], data: data.trend.map(function (m) { return m.rates[i]; }) };
        });
        series.push({ name: data.labels.received, type: 'bar', yAxisIndex: 1, color: '#475569', data: data.trend.map(function (m) { return m.received; }) });
        chart.setOption({
            title: { text: data.labels.trend, left: 'center', textStyle: { fontSize: 14, color: '#e2e8f0' } },
            tooltip: { trigger: 'axis' },
            legend: { bottom: 0, textStyle: { color: '#cbd5e1' } },
            grid: { left: 48, right: 56, top: 40, bottom: 48 },
            xAxis: { type: 'category', data: data.trend.map(function (m) { return m.code; }), axisLabel: { color: '#cbd5e1' } },
            yAxis: [
                { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%', color: '#cbd5e1' }, splitLine: { lineStyle: { color: '#334155' } } },
                { type: 'value', minInterval: 1, axisLabel: { color: '#cbd5e1' }, splitLine: { show: false } }
            ],
            series: series
        });
        window.addEventListener('resize', function () { chart.resize(); });
    }

    function label(area, data) {
        const stars = area.stars ? ' ' + '★'.repeat(area.stars) : '';
        return civicGrid.plainText(area.name) + ' · ' + (area.score === null ? data.labels.noScore : data.labels.score + ' ' + area.score) + stars;
    }

    function drawMap(element, data) {
        const map = L.map(element, { zoomSnap: 0.25 }).setView([30.32, 120.14], 12);
        if (element.dataset.tiles) {
            L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution || '' }).addTo(map);
        }
        fetch(element.dataset.areas, { credentials: 'same-origin' })
            .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
            .then(function (collection) {
                let coloured = 0;
                const layer = L.geoJSON(collection, {
                    style: function (feature) {
                        if (feature.properties.kind === 'outline') {
                            return { color: '#e2e8f0', weight: 2, dashArray: '6 4', fill: false, interactive: false };
                        }
                        const area = data.areas[feature.properties.code];
                        const colour = area ? area.colour : '#94a3b8';
                        return { color: '#0f172a', weight: 1, fillColor: colour, fillOpacity: 0.7 };
                    },
                    onEachFeature: function (feature, shape) {
                        const p = feature.properties;
                        if (p.kind === 'outline') {
                            return;
                        }
                        const area = data.areas[p.code];
                        if (area) {
                            coloured++;
                        }
                        shape.bindTooltip(area ? label(area, data) : civicGrid.plainText(p.name));
                        shape.on('click', function () { window.location.href = 'cockpit?scope=' + encodeURIComponent(p.code); });
                    }
                }).addTo(map);
                element.dataset.areasDrawn = String(coloured);
                const bounds = layer.getBounds();
                if (bounds.isValid()) {
                    map.fitBounds(bounds, { padding: [10, 10], animate: false });
                }
            })
            .catch(function () {
                element.textContent = element.dataset.failed || '';
            });
    }

    document.addEventListener('DOMContentLoaded', function () {
        const holder = document.getElementById('cockpit');
        if (!holder) {
            return;
        }
        const data = JSON.parse(holder.dataset.cockpit);
        const trend = document.getElementById('cockpit-trend');
        if (trend && typeof echarts !== 'undefined') {
            drawTrend(trend, data);
        }
        const map = document.getElementById('cockpit-map');
        if (map && typeof L !== 'undefined') {
            drawMap(map, data);
        }
        const seconds = parseInt(holder.dataset.refresh, 10);
        if (seconds > 0) {
            window.setTimeout(function () { window.location.reload(); }, seconds * 1000);
        }
    });
})();
