// Draws the three charts of a fit page (/fits/{id}) from the JSON the server embeds in #fit-chart-data: a parity
// plot, residuals against the activation ratio A, and EL against A for the fitted and the published law.
// Every number comes from the server (the EL curves from its EL law); this script only draws them.
(function () {
  const source = document.getElementById('fit-chart-data');
  if (!source || typeof echarts === 'undefined' || !window.MoeCharts) {
    return;
  }
  const data = JSON.parse(source.textContent);
  const BLUE = '#2f5bd3';
  const ORANGE = '#d9480f';
  const GREY = '#5b6678';
  const title = MoeCharts.title;
  // Ticks as on every chart (charts.js): axes start and end on whole steps, never on an odd first value.
  const fmt = MoeCharts.tick;
  const runTooltip = function (xName, yName) {
    return {
      trigger: 'item',
      formatter: function (p) {
        const v = p.value;
        return (v[2] ? v[2] + '<br>' : '') + xName + ' = ' + fmt(v[0]) + '<br>' + yName + ' = ' + fmt(v[1]);
      }
    };
  };
  const points = function (list) { return list.map(function (p) { return [p.x, p.y, p.run]; }); };
  const charts = [];

  const parity = init('chart-parity');
  if (parity) {
    const d = data.parity.diagonal;
    const ends = MoeCharts.niceLinear(d[0][0], d[1][0]);
    parity.setOption({
      animation: false,
      title: title('Predicted against observed (' + data.metric + ')', '', parity),
      legend: { bottom: 0, textStyle: { fontSize: 11 } },
      grid: { left: 56, right: 24, top: 44, bottom: 64 },
      tooltip: runTooltip('observed', 'predicted'),
      xAxis: { type: 'value', name: 'observed', nameLocation: 'middle', nameGap: 28, min: ends[0], max: ends[1], interval: ends[2], axisLabel: { formatter: fmt, hideOverlap: true } },
      yAxis: { type: 'value', name: 'predicted', min: ends[0], max: ends[1], interval: ends[2], axisLabel: { formatter: fmt, hideOverlap: true } },
      series: [
        { name: 'y = x', type: 'line', data: d, showSymbol: false, silent: true, lineStyle: { color: GREY, type: 'dashed', width: 1 } },
        { name: 'fit', type: 'scatter', data: points(data.parity.fitted), symbolSize: 8, itemStyle: { color: BLUE } },
        { name: 'held out (leave-one-out)', type: 'scatter', data: points(data.parity.heldOut), symbolSize: 8,
          itemStyle: { color: 'rgba(0,0,0,0)', borderColor: ORANGE, borderWidth: 1.5 } }
      ]
    });
  }

  const residuals = init('chart-residuals');
  if (residuals) {
    const all = data.residuals.moe.concat(data.residuals.dense).map(function (p) { return p.x; });
    const aEnds = MoeCharts.niceLog(all.concat([1]), 10);
    residuals.setOption({
      animation: false,
      title: title('Residual (predicted − observed) against A', '', residuals),
      legend: { bottom: 0, textStyle: { fontSize: 11 } },
      grid: { left: 64, right: 24, top: 44, bottom: 64 },
      tooltip: runTooltip('A', 'residual'),
      xAxis: { type: 'log', logBase: 10, name: 'A = (k+s)/(E+s)', nameLocation: 'middle', nameGap: 28,
        min: aEnds[0], max: aEnds[1], splitLine: { show: false }, axisLabel: { formatter: fmt, hideOverlap: true } },
      yAxis: MoeCharts.valueAxis(data.metric, data.residuals.moe.concat(data.residuals.dense)
        .map(function (p) { return p.y; }).concat([0]), 0.1, 0.1),
      series: [
        { name: 'MoE runs', type: 'scatter', data: points(data.residuals.moe), symbolSize: 8, itemStyle: { color: BLUE },
          markLine: { silent: true, symbol: 'none', lineStyle: { color: GREY, type: 'dashed' }, data: [{ yAxis: 0 }], label: { show: false } } },
        { name: 'dense runs (A = 1)', type: 'scatter', data: points(data.residuals.dense), symbolSize: 8, itemStyle: { color: ORANGE } }
      ]
    });
  }

  const el = init('chart-el');
  if (el) {
    const range = data.el.fittedRange;
    const outside = data.el.outside || [];
    const xs = data.el.fitted.map(function (p) { return p[0]; }).concat([1]).concat(range || []);
    const ends = MoeCharts.niceLog(xs, 10);
    // The fitted law's own range of A (its MoE runs), shaded; beyond it the fitted curve is an extrapolation.
    const band = range && outside.length === 0
      ? [[{ name: 'fitted range', xAxis: Math.max(range[0], ends[0]) }, { xAxis: Math.min(range[1], ends[1]) }]] : [];
    el.setOption({
      animation: false,
      title: title(data.el.title, outside.length ? 'Extrapolated everywhere: ' + outside.join('; ') : '', el),
      legend: { bottom: 0, textStyle: { fontSize: 11 } },
      grid: { left: 56, right: 24, top: outside.length ? 72 : 52, bottom: 64 },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return fmt(v); } },
      xAxis: { type: 'log', logBase: 10, name: 'A = (k+s)/(E+s)', nameLocation: 'middle', nameGap: 28,
        min: ends[0], max: ends[1], splitLine: { show: false }, axisLabel: { formatter: fmt, hideOverlap: true } },
      yAxis: MoeCharts.valueAxis('EL', data.el.fitted.concat(data.el.published).map(function (p) { return p[1]; }), 0.05, 0.1),
      series: [
        { name: 'fitted EL law', type: 'line', data: data.el.fitted, showSymbol: false, lineStyle: { width: 2, color: BLUE }, itemStyle: { color: BLUE },
          markArea: { silent: true, itemStyle: { color: 'rgba(47, 91, 211, 0.09)' },
            label: { show: true, position: 'insideTop', color: GREY, fontSize: 11 }, data: band } },
        { name: 'Ling, published (arXiv 2507.17702)', type: 'line', data: data.el.published, showSymbol: false,
          lineStyle: { width: 2, color: ORANGE, type: 'dashed' }, itemStyle: { color: ORANGE } }
      ]
    });
  }

  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.resize(); });
  });

  function init(id) {
    const node = document.getElementById(id);
    if (!node) {
      return null;
    }
    const chart = echarts.init(node, null, { renderer: 'canvas' });
    charts.push(chart);
    return chart;
  }
})();
