// Draws each [data-chart] element's figures as a bar chart with ECharts; the table beside it carries the same
// figures for screen readers and for browsers without script.
(function () {
  'use strict';
  function draw() {
    if (typeof echarts === 'undefined') { return; }
    document.querySelectorAll('[data-chart]').forEach(function (element) {
      var data;
      try { data = JSON.parse(element.getAttribute('data-chart')); } catch (e) { return; }
      var names = Object.keys(data);
      if (names.length === 0) { return; }
      var chart = echarts.init(element, null, { renderer: 'svg' });
      chart.setOption({
        animation: false,
        tooltip: {},
        xAxis: { type: 'category', data: names },
        yAxis: { type: 'value' },
        series: [{ type: 'bar', data: names.map(function (n) { return data[n]; }), itemStyle: { color: '#00703c' } }]
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
})();
