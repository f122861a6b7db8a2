// Draws the three charts of a fit page (/fits/{id}) from the JSON the server embeds in #fit-chart-data: a parity
// plot, residuals against the activation ratio A, and EL against A for the fitted and the published law.
// Every number comes from the server (the EL curves from its EL law); this script only draws them.
(function () {
  const source = document.getElementById('fit-chart-data');
  if (!source || typeof echarts === 'undefined') {
    return;
  }
  const data = JSON.parse(source.textContent);
  const BLUE = '#2f5bd3';
  const ORANGE = '#d9480f';
  const GREY = '#5b6678';
  const title = function (text) {
    return { text: text, left: 'center', textStyle: { fontSize: 13, fontWeight: 600, color: '#1d2430' } };
  };
  const fmt = function (v) { return String(Number(v.toPrecision(3))); };
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
    parity.setOption({
      animation: false,
      title: title('Predicted against observed (' + data.metric + ')'),
      legend: { bottom: 0, textStyle: { fontSize: 11 } },
      grid: { left: 56, right: 24, top: 44, bottom: 64 },
      tooltip: runTooltip('observed', 'predicted'),
      xAxis: { type: 'value', name: 'observed', nameLocation: 'middle', nameGap: 28, scale: true, min: d[0][0], max: d[1][0], axisLabel: { formatter: fmt } },
      yAxis: { type: 'value', name: 'predicted', scale: true, min: d[0][1], max: d[1][1], axisLabel: { formatter: fmt } },
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
    residuals.setOption({
      animation: false,
      title: title('Residual (predicted − observed) against A'),
      legend: { bottom: 0, textStyle: { fontSize: 11 } },
      grid: { left: 64, right: 24, top: 44, bottom: 64 },
      tooltip: runTooltip('A', 'residual'),
      xAxis: { type: 'log', logBase: 10, name: 'A = (k+s)/(E+s)', nameLocation: 'middle', nameGap: 28,
        min: Math.min.apply(null, all) / 1.5, max: 1.5, splitLine: { show: false }, axisLabel: { formatter: fmt } },
      yAxis: { type: 'value', name: data.metric, axisLabel: { formatter: fmt } },
      series: [
        { name: 'MoE runs', type: 'scatter', data: points(data.residuals.moe), symbolSize: 8, itemStyle: { color: BLUE },
          markLine: { silent: true, symbol: 'none', lineStyle: { color: GREY, type: 'dashed' }, data: [{ yAxis: 0 }], label: { show: false } } },
        { name: 'dense runs (A = 1)', type: 'scatter', data: points(data.residuals.dense), symbolSize: 8, itemStyle: { color: ORANGE } }
      ]
    });
  }

  const el = init('chart-el');
  if (el) {
    el.setOption({
      animation: false,
      title: title(data.el.title),
      legend: { bottom: 0, textStyle: { fontSize: 11 } },
      grid: { left: 56, right: 24, top: 44, bottom: 64 },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return fmt(v); } },
      xAxis: { type: 'log', logBase: 10, name: 'A = (k+s)/(E+s)', nameLocation: 'middle', nameGap: 28,
        min: data.el.fitted[0][0], max: 1, splitLine: { show: false }, axisLabel: { formatter: fmt } },
      yAxis: { type: 'value', name: 'EL', scale: true },
      series: [
        { name: 'fitted EL law', type: 'line', data: data.el.fitted, showSymbol: false, lineStyle: { width: 2, color: BLUE }, itemStyle: { color: BLUE } },
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
