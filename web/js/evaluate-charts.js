// Draws the two EL charts of /evaluate from the JSON the server embeds in #el-chart-data.
// Every number comes from the server's EL law; this script only draws them.
(function () {
  const source = document.getElementById('el-chart-data');
  if (!source || typeof echarts === 'undefined') {
    return;
  }
  const data = JSON.parse(source.textContent);
  const charts = [
    draw('chart-activation', data.activation),
    draw('chart-granularity', data.granularity)
  ].filter(Boolean);
  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.resize(); });
  });

  function draw(id, c) {
    const el = document.getElementById(id);
    if (!el || !c) {
      return null;
    }
    // The axis spans the curve and this shape's point, which may lie beyond the curve's ends.
    const xs = c.curve.map(function (p) { return p[0]; }).concat([c.point[0]]);
    const chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      title: { text: c.title, left: 'center', textStyle: { fontSize: 13, fontWeight: 600, color: '#1d2430' } },
      grid: { left: 48, right: 24, top: 44, bottom: 52 },
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          return c.xLabel.split(' ')[0] + ' = ' + p.value[0].toPrecision(3) + '<br>EL = ' + p.value[1].toPrecision(3);
        }
      },
      xAxis: {
        type: 'log', logBase: c.logBase, min: Math.min.apply(null, xs), max: Math.max.apply(null, xs),
        name: c.xLabel, nameLocation: 'middle', nameGap: 30, splitLine: { show: false },
        axisLabel: { formatter: function (v) { return String(Number(v.toPrecision(3))); } }
      },
      yAxis: { type: 'value', name: 'EL', scale: true, nameGap: 12 },
      series: [
        {
          name: 'EL law', type: 'line', data: c.curve, showSymbol: false, smooth: false,
          lineStyle: { width: 2, color: '#2f5bd3' }, itemStyle: { color: '#2f5bd3' },
          markArea: {
            silent: true,
            itemStyle: { color: 'rgba(47, 91, 211, 0.07)' },
            label: { show: true, position: 'insideTop', color: '#5b6678', fontSize: 11 },
            data: [[{ name: 'fitted range', xAxis: c.fittedRange[0] }, { xAxis: c.fittedRange[1] }]]
          }
        },
        {
          name: 'this shape', type: 'scatter', data: [c.point], symbolSize: 12, z: 5,
          itemStyle: { color: '#d9480f', borderColor: '#fff', borderWidth: 2 },
          label: { show: true, position: 'top', formatter: 'this shape', color: '#d9480f', fontWeight: 600 }
        }
      ]
    });
    return chart;
  }
})();
