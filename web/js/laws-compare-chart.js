// Draws EL against compute under every MoE law family on /laws/compare, from the JSON the server embeds in
// #laws-chart-data. The server has already split each curve into its in-range (solid) and out-of-range (dashed)
// points; this script only draws them.
(function () {
  const source = document.getElementById('laws-chart-data');
  const el = document.getElementById('chart-laws');
  if (!source || !el || typeof echarts === 'undefined') {
    return;
  }
  const data = JSON.parse(source.textContent);
  const COLORS = ['#2f5bd3', '#d9480f', '#2b8a3e', '#7048e8', '#c2255c', '#5b6678'];
  const series = [];
  const xs = [];
  data.laws.forEach(function (law, i) {
    const color = COLORS[i % COLORS.length];
    [['solid', law.solid], ['dashed', law.dashed]].forEach(function (part) {
      part[1].forEach(function (p) { if (p) { xs.push(p[0]); } });
      series.push({
        name: law.name, id: law.id + '-' + part[0], type: 'line', showSymbol: true, symbolSize: 4,
        connectNulls: false, data: part[1].map(function (p) { return p || '-'; }),
        lineStyle: { width: 2, type: part[0], color: color }, itemStyle: { color: color }
      });
    });
  });
  const chart = echarts.init(el, null, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    title: { text: data.title, left: 'center', textStyle: { fontSize: 13, fontWeight: 600, color: '#1d2430' } },
    grid: { left: 56, right: 24, top: 48, bottom: 92 },
    legend: { bottom: 0, textStyle: { fontSize: 11 } },
    tooltip: {
      trigger: 'item',
      formatter: function (p) {
        return p.seriesName + '<br>C = ' + p.value[0].toPrecision(3) + ' FLOPs<br>EL = ' + p.value[1].toPrecision(3);
      }
    },
    xAxis: {
      // whole decades around the curves, so the axis starts and ends on a tick
      type: 'log', logBase: 10, min: Math.pow(10, Math.floor(Math.log10(Math.min.apply(null, xs)) + 1e-9)),
      max: Math.pow(10, Math.ceil(Math.log10(Math.max.apply(null, xs)) - 1e-9)),
      name: data.xLabel, nameLocation: 'middle', nameGap: 30, splitLine: { show: false },
      axisLabel: { formatter: function (v) { return v.toExponential(0).replace('+', ''); } }
    },
    yAxis: {
      type: 'log', logBase: 10, name: 'EL', nameGap: 12,
      axisLabel: { formatter: function (v) { return String(Number(v.toPrecision(3))); } }
    },
    series: series
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
