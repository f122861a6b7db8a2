// Chart drawing shared by the pages. Every number comes from the server (embedded as JSON); these functions only draw.
window.MoeCharts = (function () {
  const BLUE = '#2f5bd3';
  const ORANGE = '#d9480f';
  const GREY = '#5b6678';

  // A tick label: three significant digits, plain (0.01, 0.5, 16) or short scientific for wide values (1e22).
  function tick(v) {
    const a = Math.abs(v);
    if (a !== 0 && (a >= 1e5 || a < 1e-3)) {
      return v.toExponential(2).replace(/\.?0+e/, 'e').replace('e+', 'e');
    }
    return String(Number(v.toPrecision(3)));
  }

  // Whole powers of the base around the values: a log axis then starts and ends on a tick (1e-3 … 1, 0.5 … 64),
  // never on an odd first value such as 0.00195.
  function niceLog(values, base) {
    const finite = values.filter(function (v) { return v > 0 && isFinite(v); });
    const lb = function (v) { return Math.log(v) / Math.log(base); };
    const lo = Math.floor(lb(Math.min.apply(null, finite)) + 1e-9);
    let hi = Math.ceil(lb(Math.max.apply(null, finite)) - 1e-9);
    if (hi <= lo) {
      hi = lo + 1;
    }
    return [Math.pow(base, lo), Math.pow(base, hi)];
  }

  // A linear extent widened to whole steps of 1, 2 or 5 × 10ⁿ (about five of them), so the ends are ticks too:
  // [min, max, step].
  function niceLinear(lo, hi) {
    const span = hi - lo || Math.abs(hi) || 1;
    const raw = span / 5;
    const p = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 5, 10].map(function (m) { return m * p; }).find(function (s) { return s >= raw; });
    const round = function (v) { return Number(v.toPrecision(12)); };
    return [round(Math.floor(lo / step + 1e-9) * step), round(Math.ceil(hi / step - 1e-9) * step), round(step)];
  }

  function logAxis(name, base, xs) {
    const b = niceLog(xs, base);
    return {
      type: 'log', logBase: base, min: b[0], max: b[1],
      name: name, nameLocation: 'middle', nameGap: 30, splitLine: { show: false },
      axisLabel: { formatter: tick, hideOverlap: true }
    };
  }

  // A value axis over `values` with room below and above (fractions of their span), ending on nice ticks.
  function valueAxis(name, values, below, above, extra) {
    const finite = values.filter(function (v) { return isFinite(v); });
    const lo = Math.min.apply(null, finite);
    const hi = Math.max.apply(null, finite);
    const span = hi - lo || Math.abs(hi) * 0.1 || 1;
    const b = niceLinear(lo - below * span, hi + above * span);
    return Object.assign({
      type: 'value', name: name, min: b[0], max: b[1], interval: b[2],
      axisLabel: { formatter: tick, hideOverlap: true }
    }, extra || {});
  }

  // A chart title (and an optional warning below it), broken into lines to fit the chart's width.
  function title(text, subtext, chart) {
    const width = chart ? Math.max(120, chart.getWidth() - 24) : 340;
    return {
      text: text, left: 'center', subtext: subtext || '',
      textStyle: { fontSize: 13, fontWeight: 600, color: '#1d2430', width: width, overflow: 'break' },
      subtextStyle: { fontSize: 11, color: ORANGE, width: width, overflow: 'break' }
    };
  }

  function init(id) {
    const el = document.getElementById(id);
    return el ? echarts.init(el, null, { renderer: 'canvas' }) : null;
  }

  // An EL curve ({title, xLabel, logBase, curve, point, fittedRange, outside}) with one marked point. Inside the
  // fitted range the curve is solid on a shaded band; outside it, dashed. When an axis held fixed along the curve
  // (`outside`: e.g. C outside the fitted compute) is out of range, the whole curve is an extrapolation: all dashed,
  // the band covers nothing in range and the subtitle says why.
  function elCurve(id, c, pointLabel) {
    const chart = c ? init(id) : null;
    if (!chart) {
      return null;
    }
    const outside = c.outside || [];
    const range = c.fittedRange;
    // The axis spans the curve, the marked point and the fitted range, which may lie beyond the curve's ends.
    const xs = c.curve.map(function (p) { return p[0]; }).concat([c.point[0]]).concat(range || []);
    const axis = logAxis(c.xLabel, c.logBase, xs);
    const inRange = outside.length === 0
      ? c.curve.filter(function (p) { return !range || (p[0] >= range[0] && p[0] <= range[1]); }) : [];
    const band = range && outside.length === 0
      ? [[{ name: c.bandLabel || 'fitted range', xAxis: Math.max(range[0], axis.min) }, { xAxis: Math.min(range[1], axis.max) }]]
      : [];
    chart.setOption({
      animation: false,
      title: title(c.title, outside.length ? 'Extrapolated everywhere: ' + outside.join('; ') : '', chart),
      grid: { left: 48, right: 24, top: outside.length ? 72 : 52, bottom: 52 },
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          return c.xLabel.split(' ')[0] + ' = ' + tick(p.value[0]) + '<br>EL = ' + tick(p.value[1]);
        }
      },
      xAxis: axis,
      yAxis: valueAxis('EL', c.curve.map(function (p) { return p[1]; }).concat([c.point[1]]), 0.05, 0.15,
        { nameGap: 12 }),
      series: [
        {
          name: 'EL law, extrapolated', type: 'line', data: c.curve, showSymbol: false, smooth: false,
          lineStyle: { width: 2, color: BLUE, type: 'dashed' }, itemStyle: { color: BLUE },
          markArea: {
            silent: true,
            itemStyle: { color: 'rgba(47, 91, 211, 0.09)' },
            label: { show: true, position: 'insideTop', color: GREY, fontSize: 11 },
            data: band
          }
        },
        {
          name: 'EL law', type: 'line', data: inRange, showSymbol: false, smooth: false,
          lineStyle: { width: 2.5, color: BLUE }, itemStyle: { color: BLUE }
        },
        {
          name: pointLabel, type: 'scatter', data: [c.point], symbolSize: 12, z: 5,
          itemStyle: { color: ORANGE, borderColor: '#fff', borderWidth: 2 },
          label: { show: true, position: 'top', distance: 8, formatter: pointLabel, color: ORANGE, fontWeight: 600 }
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
    const xs = c.points.map(function (p) { return p.x; }).concat([1]);
    chart.setOption({
      animation: false,
      title: title(c.title, '', chart),
      grid: { left: 64, right: 32, top: 64, bottom: 76 },
      legend: { bottom: 0, itemWidth: 10, textStyle: { fontSize: 11 } },
      tooltip: {
        trigger: 'item',
        formatter: function (p) { return p.name + '<br>A = ' + tick(p.value[0]); }
      },
      xAxis: logAxis(c.xLabel, 10, xs),
      // Room below the lowest loss (the recommendation) so its label, placed above it, never meets the axis labels.
      yAxis: valueAxis(c.yLabel, c.points.map(function (p) { return p.y; }), 0.25, 0.15, { nameGap: 14,
        nameTextStyle: { align: 'left', padding: [0, 0, 0, -56] } }),
      series: [
        { name: 'alternatives', type: 'scatter', clip: false, data: of('alternative'), symbolSize: 9,
          itemStyle: { color: BLUE } },
        { name: 'dense baseline', type: 'scatter', clip: false, data: of('dense'), symbol: 'diamond', symbolSize: 12,
          itemStyle: { color: GREY } },
        {
          name: 'recommendation', type: 'scatter', clip: false, data: of('recommended'), symbolSize: 15, z: 5,
          itemStyle: { color: ORANGE, borderColor: '#fff', borderWidth: 2 },
          label: { show: true, position: 'top', distance: 8, formatter: 'recommended', color: ORANGE, fontWeight: 600 }
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

  return {
    elCurve: elCurve, candidates: candidates, resizeOnWindowResize: resizeOnWindowResize,
    tick: tick, niceLog: niceLog, niceLinear: niceLinear, valueAxis: valueAxis, title: title
  };
})();
