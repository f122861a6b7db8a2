// Draws the three charts of a plan page from the JSON the server embeds in #plan-chart-data.
// Every number comes from the server; this script only draws them (with charts.js).
(function () {
  const source = document.getElementById('plan-chart-data');
  if (!source || typeof echarts === 'undefined' || !window.MoeCharts) {
    return;
  }
  const data = JSON.parse(source.textContent);
  // a plan ranked by a law family without an EL law of Ling's form has the loss chart only
  const charts = [MoeCharts.candidates('chart-loss', data.loss)];
  if (data.granularity) {
    charts.push(MoeCharts.elCurve('chart-granularity', data.granularity, 'recommended'));
  }
  if (data.compute) {
    charts.push(MoeCharts.elCurve('chart-compute', data.compute, 'recommended'));
  }
  MoeCharts.resizeOnWindowResize(charts);
})();
