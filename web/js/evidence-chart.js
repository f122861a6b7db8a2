// Draws the parity chart of /evidence from the JSON the server embeds in #evidence-chart-data: predicted against
// observed MoE-vs-dense gap, one colour per law or model, held-out pairs filled and fitted ones hollow, the diagonal
// y = x dashed. Every number comes from the server; this script only draws.
(function () {
  const source = document.getElementById('evidence-chart-data');
  const el = document.getElementById('chart-evidence');
  if (!source || !el || typeof echarts === 'undefined') {
    return;
  }
  const data = JSON.parse(source.textContent);
  const COLORS = ['#2f5bd3', '#d9480f', '#2b8a3e', '#7048e8', '#c2255c', '#5b6678', '#e67700'];
  const pad = Math.max(0.5, 0.05 * (data.range[1] - data.range[0]));
  const lo = data.range[0] - pad;
  const hi = data.range[1] + pad;
  const series = [{
    name: 'predicted = observed', type: 'line', data: [[lo, lo], [hi, hi]], showSymbol: false, silent: true,
    lineStyle: { type: 'dashed', color: '#9aa3b2', width: 1 }, itemStyle: { color: '#9aa3b2' }
  }];
  data.series.forEach(function (s, i) {
    const color = COLORS[i % COLORS.length];
    function points(list) {
      return list.map(function (p) { return { value: [p.observed, p.predicted], name: p.label }; });
    }
    series.push({
      name: s.name, id: s.id + '-held-out', type: 'scatter', symbolSize: 8, data: points(s.heldOut),
      itemStyle: { color: color }
    });
    series.push({
      name: s.name, id: s.id + '-fitted', type: 'scatter', symbolSize: 8, data: points(s.fitted),
      itemStyle: { color: 'transparent', borderColor: color, borderWidth: 1.5 }
    });
  });
  const chart = echarts.init(el, null, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    title: { text: data.title, left: 'center', textStyle: { fontSize: 13, fontWeight: 600, color: '#1d2430' } },
    grid: { left: 56, right: 24, top: 48, bottom: 110 },
    legend: { bottom: 0, textStyle: { fontSize: 11 }, data: data.series.map(function (s) { return s.name; }) },
    tooltip: {
      trigger: 'item',
      formatter: function (p) {
        return p.seriesName + '<br>' + p.name + '<br>observed ' + p.value[0].toFixed(2) + '%, predicted '
          + p.value[1].toFixed(2) + '%';
      }
    },
    xAxis: { type: 'value', min: lo, max: hi, name: data.xLabel, nameLocation: 'middle', nameGap: 30,
      axisLabel: { formatter: function (v) { return Number(v.toPrecision(3)) + '%'; } } },
    yAxis: { type: 'value', min: lo, max: hi, name: data.yLabel, nameGap: 12,
      axisLabel: { formatter: function (v) { return Number(v.toPrecision(3)) + '%'; } } },
    series: series
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
