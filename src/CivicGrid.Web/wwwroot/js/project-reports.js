// Draws each report section's bar chart from its data-chart: labels down the side, one bar per series.
(function () {
    'use strict';

    const colours = ['#5470c6', '#91cc75', '#ee6666', '#fac858'];

    function draw(element) {
        const data = JSON.parse(element.dataset.chart);
        element.style.height = Math.max(160, data.labels.length * (14 + 10 * data.series.length) + 60) + 'px';
        const chart = echarts.init(element);
        const labels = data.labels.slice().reverse();
        chart.setOption({
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            legend: { bottom: 0 },
            grid: { left: 8, right: 40, top: 16, bottom: 32, containLabel: true },
            xAxis: { type: 'value', name: data.unit },
            yAxis: { type: 'category', data: labels },
            series: data.series.map(function (s, i) {
                return { name: s.name, type: 'bar', color: colours[i % colours.length], data: s.values.slice().reverse() };
            })
        });
        return chart;
    }

    function start() {
        const charts = Array.prototype.map.call(document.querySelectorAll('.report-chart'), draw);
        window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();
