// Draws the indicator dashboard's charts from #dashboard's data-report and its map of open cases from #case-map.
(function () {
    'use strict';

    const rateColours = ['#2563eb', '#16a34a', '#d97706'];

    function percentAxis() {
        return { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } };
    }

    function drawTrend(element, report) {
        const chart = echarts.init(element);
        const series = [0, 1, 2].map(function (i) {
            return {
                name: report.names[i].name, type: 'line', connectNulls: false, color: rateColours[i],
                data: report.trend.map(function (m) { return m.rates[i]; })
            };
        });
        series.push({
            name: report.labels.received, type: 'bar', yAxisIndex: 1, color: '#cbd5e1',
            data: report.trend.map(function (m) { return m.received; })
        });
        chart.setOption({
            title: { text: report.labels.trend, left: 'center', textStyle: { fontSize: 14 } },
            tooltip: { trigger: 'axis' },
            legend: { bottom: 0 },
            grid: { left: 48, right: 48, top: 40, bottom: 48 },
            xAxis: { type: 'category', data: report.trend.map(function (m) { return m.code; }) },
            yAxis: [percentAxis(), { type: 'value', minInterval: 1 }],
            series: series
        });
        return chart;
    }

    function drawRanking(element, report) {
        const chart = echarts.init(element);
        const index = report.rankIndex;
        const rows = report.children.slice().reverse();
        chart.setOption({
            title: { text: report.names[index].name, left: 'center', textStyle: { fontSize: 14 } },
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            grid: { left: 140, right: 32, top: 40, bottom: 24 },
            xAxis: percentAxis(),
            yAxis: { type: 'category', data: rows.map(function (c) { return c.name; }) },
            series: [{ type: 'bar', color: '#2563eb', data: rows.map(function (c) { return c.rates[index]; }) }]
        });
        chart.on('click', function (params) {
            const target = rows[params.dataIndex];
            if (target && target.href) {
                window.location.href = target.href;
            }
        });
        return chart;
    }

    function drawCategories(element, report) {
        const chart = echarts.init(element);
        chart.setOption({
            title: { text: report.labels.categories, left: 'center', textStyle: { fontSize: 14 } },
            tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
            legend: { bottom: 0, type: 'scroll' },
            series: [{
                type: 'pie', radius: ['35%', '65%'],
                data: report.categories.map(function (c) { return { name: c.name, value: c.received }; })
            }]
        });
        return chart;
    }

    function drawCharts() {
        const holder = document.getElementById('dashboard');
        if (!holder || typeof echarts === 'undefined') {
            return;
        }
        const report = JSON.parse(holder.dataset.report);
        const charts = [];
        [['trend-chart', drawTrend], ['ranking-chart', drawRanking], ['category-chart', drawCategories]].forEach(function (pair) {
            const element = document.getElementById(pair[0]);
            if (element) {
                charts.push(pair[1](element, report));
            }
        });
        window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
    }

    function marker(point) {
        const colour = point.overdue ? '#dc2626' : '#2563eb';
        return L.circleMarker([point.latitude, point.longitude], { radius: 6, color: colour, fillOpacity: 0.8 })
            .bindTooltip('#' + point.id + ' · ' + point.statusName)
            .on('click', function () { window.location.href = 'cases/' + point.id; });
    }

    function drawMap() {
        const element = document.getElementById('case-map');
        if (!element || typeof L === 'undefined') {
            return;
        }
        const map = L.map(element, { zoomSnap: 0.25 }).setView([30.32, 120.14], 13);
        if (element.dataset.tiles) {
            L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution || '' }).addTo(map);
        }
        fetch(element.dataset.points, { credentials: 'same-origin' })
            .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
            .then(function (points) {
                element.dataset.count = String(points.length);
                if (points.length === 0) {
                    element.insertAdjacentHTML('afterend', '<p class="small text-muted mt-1"></p>');
                    element.nextElementSibling.textContent = element.dataset.none;
                    return;
                }
                const layer = L.featureGroup(points.map(marker)).addTo(map);
                map.fitBounds(layer.getBounds(), { padding: [20, 20], maxZoom: 17, animate: false });
            })
            .catch(function () {
                element.textContent = element.dataset.failed || '地图数据加载失败';
            });
    }

    // Pages load in full (enhanced navigation is off), so drawing once per load is enough.
    document.addEventListener('DOMContentLoaded', function () {
        drawCharts();
        drawMap();
    });
})();
