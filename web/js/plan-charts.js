// Draws the three charts of a plan page from the JSON the server embeds in #plan-chart-data.
// Every number comes from the server; this script only draws them (with charts.js).
(function () {
  const source = document.getElementById('plan-chart-data');
  if (!source || typeof echarts === 'undefined' || !window.MoeCharts) {
    return;
  }
  const data = JSON.parse(source.textContent);
  MoeCharts.resizeOnWindowResize([
    MoeCharts.candidates('chart-loss', data.loss),
    MoeCharts.elCurve('chart-granularity', data.granularity, 'recommended'),
    MoeCharts.elCurve('chart-compute', data.compute, 'recommended')
  ]);
})();
