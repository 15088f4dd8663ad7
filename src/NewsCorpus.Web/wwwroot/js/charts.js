// Draws the charts of a page from the tables beside them, so a chart always shows the same data as its table, and a
// page without JavaScript (or without this file) still has every figure as that table. Apache ECharts, vendored.
(function () {
    'use strict';

    function rows(table) {
        return Array.from(table.tBodies[0].rows).map(function (row) {
            return Array.from(row.cells).map(function (cell) { return cell.dataset.value !== undefined ? cell.dataset.value : cell.textContent.trim(); });
        });
    }

    function draw(figure, option) {
        var canvas = figure.querySelector('.chart-canvas');
        canvas.hidden = false;
        var chart = window.echarts.init(canvas, null, { renderer: 'svg' });
        chart.setOption(option);
        window.addEventListener('resize', function () { chart.resize(); });
    }

    // Date | Outlet | Articles → bars stacked by outlet over time.
    function timeline(figure, table) {
        var data = rows(table);
        var dates = Array.from(new Set(data.map(function (r) { return r[0]; }))).sort();
        var outlets = Array.from(new Set(data.map(function (r) { return r[1]; })));
        var counts = new Map(data.map(function (r) { return [r[0] + '\u0000' + r[1], Number(r[2])]; }));
        draw(figure, {
            tooltip: { trigger: 'axis' },
            legend: { type: 'scroll', top: 0 },
            grid: { top: 36, left: 44, right: 12, bottom: 28 },
            xAxis: { type: 'time' },
            yAxis: { type: 'value', minInterval: 1 },
            series: outlets.map(function (outlet) {
                return {
                    name: outlet, type: 'bar', stack: 'articles', barMaxWidth: 24,
                    data: dates.map(function (d) { return [d, counts.get(d + '\u0000' + outlet) || 0]; })
                };
            })
        });
    }

    // Name | Count → horizontal bars, largest on top.
    function bars(figure, table) {
        var data = rows(table).reverse();
        draw(figure, {
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            grid: { top: 8, left: 140, right: 16, bottom: 24 },
            xAxis: { type: 'value', minInterval: 1 },
            yAxis: { type: 'category', data: data.map(function (r) { return r[0]; }), axisLabel: { width: 130, overflow: 'truncate' } },
            series: [{ type: 'bar', data: data.map(function (r) { return Number(r[1]); }) }]
        });
    }

    // Row header | a count per column → a heat map (rows × columns).
    function heatmap(figure, table) {
        var columns = Array.from(table.tHead.rows[0].cells).slice(1).map(function (c) { return c.textContent.trim(); });
        var data = rows(table);
        var cells = [];
        var max = 1;
        data.forEach(function (r, y) {
            r.slice(1).forEach(function (v, x) { var n = Number(v); max = Math.max(max, n); cells.push([x, y, n]); });
        });
        draw(figure, {
            tooltip: { position: 'top' },
            grid: { top: 8, left: 140, right: 16, bottom: 120 },
            xAxis: { type: 'category', data: columns, axisLabel: { rotate: 50, width: 120, overflow: 'truncate', interval: 0 } },
            yAxis: { type: 'category', data: data.map(function (r) { return r[0]; }), axisLabel: { width: 130, overflow: 'truncate' } },
            visualMap: { min: 0, max: max, show: false, inRange: { color: ['#f6f8fa', '#0969da'] } },
            series: [{ type: 'heatmap', data: cells, label: { show: true } }]
        });
    }

    // Name | Shared | Type around the figure's centre → a small network, line width by what is shared.
    function network(figure, table) {
        var data = rows(table);
        var centre = figure.dataset.centre;
        var max = Math.max.apply(null, data.map(function (r) { return Number(r[1]); }));
        var nodes = [{ name: centre, symbolSize: 36, category: 0 }].concat(data.map(function (r) {
            return { name: r[0], symbolSize: 14 + 18 * Number(r[1]) / max, category: 1 };
        }));
        var links = data.map(function (r) { return { source: centre, target: r[0], value: Number(r[1]), lineStyle: { width: 1 + 5 * Number(r[1]) / max } }; });
        draw(figure, {
            tooltip: {},
            series: [{
                type: 'graph', layout: 'force', roam: true, label: { show: true, position: 'right' },
                force: { repulsion: 220, edgeLength: 90 }, categories: [{ name: centre }, { name: 'appears with' }],
                data: nodes, links: links
            }]
        });
    }

    var kinds = { timeline: timeline, bars: bars, heatmap: heatmap, network: network };
    document.querySelectorAll('figure.chart[data-chart]').forEach(function (figure) {
        var table = figure.querySelector('table');
        var kind = kinds[figure.dataset.chart];
        if (table && kind && window.echarts && table.tBodies[0].rows.length > 0) {
            kind(figure, table);
        }
    });
})();
