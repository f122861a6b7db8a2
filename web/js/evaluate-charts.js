// Draws the two EL charts of /evaluate from the JSON the server embeds in #el-chart-data.
// Every number comes from the server's EL law; this script only draws them (with charts.js).
(function () {
  const source = document.getElementById('el-chart-data');
  if (!source || typeof echarts === 'undefined' || !window.MoeCharts) {
    return;
  }
  const data = JSON.parse(source.textContent);
  MoeCharts.resizeOnWindowResize([
    MoeCharts.elCurve('chart-activation', data.activation, 'this shape'),
    MoeCharts.elCurve('chart-granularity', data.granularity, 'this shape')
  ]);
})();
