// Chart drawing shared by the pages. Every number comes from the server (embedded as JSON); these functions only draw.
window.MoeCharts = (function () {
  const BLUE = '#2f5bd3';
  const ORANGE = '#d9480f';
  const GREY = '#5b6678';

  function logAxis(name, base, xs) {
    return {
      type: 'log', logBase: base, min: Math.min.apply(null, xs), max: Math.max.apply(null, xs),
      name: name, nameLocation: 'middle', nameGap: 30, splitLine: { show: false },
      axisLabel: { formatter: function (v) { return String(Number(v.toPrecision(3))); } }
    };
  }

  function title(text) {
    return { text: text, left: 'center', textStyle: { fontSize: 13, fontWeight: 600, color: '#1d2430' } };
  }

  function init(id) {
    const el = document.getElementById(id);
    return el ? echarts.init(el, null, { renderer: 'canvas' }) : null;
  }

  // An EL curve ({title, xLabel, logBase, curve, point, fittedRange}) with one marked point.
  function elCurve(id, c, pointLabel) {
    const chart = c ? init(id) : null;
    if (!chart) {
      return null;
    }
    // The axis spans the curve and the marked point, which may lie beyond the curve's ends.
    const xs = c.curve.map(function (p) { return p[0]; }).concat([c.point[0]]);
    chart.setOption({
      animation: false,
      title: title(c.title),
      grid: { left: 48, right: 24, top: 44, bottom: 52 },
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          return c.xLabel.split(' ')[0] + ' = ' + p.value[0].toPrecision(3) + '<br>EL = ' + p.value[1].toPrecision(3);
        }
      },
      xAxis: logAxis(c.xLabel, c.logBase, xs),
      yAxis: { type: 'value', name: 'EL', scale: true, nameGap: 12 },
      series: [
        {
          name: 'EL law', type: 'line', data: c.curve, showSymbol: false, smooth: false,
          lineStyle: { width: 2, color: BLUE }, itemStyle: { color: BLUE },
          markArea: {
            silent: true,
            itemStyle: { color: 'rgba(47, 91, 211, 0.07)' },
            label: { show: true, position: 'insideTop', color: GREY, fontSize: 11 },
            data: [[{ name: 'fitted range', xAxis: c.fittedRange[0] }, { xAxis: c.fittedRange[1] }]]
          }
        },
        {
          name: pointLabel, type: 'scatter', data: [c.point], symbolSize: 12, z: 5,
          itemStyle: { color: ORANGE, borderColor: '#fff', borderWidth: 2 },
          label: { show: true, position: 'top', formatter: pointLabel, color: ORANGE, fontWeight: 600 }
        }
      ]
    });
    return chart;
  }

  // Shapes of one plan ({title, xLabel, yLabel, points: [{x, y, label, role}]}): loss against A, the recommendation marked.
  function candidates(id, c) {
    const chart = c ? init(id) : null;
    if (!chart) {
      return null;
    }
    function of(role) {
      return c.points.filter(function (p) { return p.role === role; })
        .map(function (p) { return { value: [p.x, p.y], name: p.label }; });
    }
    // Whole decades from below the sparsest shape to A = 1, where the dense baseline sits.
    const xs = c.points.map(function (p) { return p.x; });
    const lo = Math.pow(10, Math.floor(Math.log10(Math.min.apply(null, xs))));
    chart.setOption({
      animation: false,
      title: title(c.title),
      grid: { left: 64, right: 32, top: 64, bottom: 76 },
      legend: { bottom: 0, itemWidth: 10, textStyle: { fontSize: 11 } },
      tooltip: {
        trigger: 'item',
        formatter: function (p) { return p.name + '<br>A = ' + p.value[0].toPrecision(3); }
      },
      xAxis: logAxis(c.xLabel, 10, [lo, 1]),
      yAxis: {
        type: 'value', name: c.yLabel, scale: true, nameGap: 14,
        nameTextStyle: { align: 'left', padding: [0, 0, 0, -56] }
      },
      series: [
        { name: 'alternatives', type: 'scatter', clip: false, data: of('alternative'), symbolSize: 9,
          itemStyle: { color: BLUE } },
        { name: 'dense baseline', type: 'scatter', clip: false, data: of('dense'), symbol: 'diamond', symbolSize: 12,
          itemStyle: { color: GREY } },
        {
          name: 'recommendation', type: 'scatter', clip: false, data: of('recommended'), symbolSize: 15, z: 5,
          itemStyle: { color: ORANGE, borderColor: '#fff', borderWidth: 2 },
          label: { show: true, position: 'bottom', formatter: 'recommended', color: ORANGE, fontWeight: 600 }
        }
      ]
    });
    return chart;
  }

  function resizeOnWindowResize(charts) {
    const drawn = charts.filter(Boolean);
    window.addEventListener('resize', function () {
      drawn.forEach(function (c) { c.resize(); });
    });
  }

  return { elCurve: elCurve, candidates: candidates, resizeOnWindowResize: resizeOnWindowResize };
})();
