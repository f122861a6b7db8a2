// The explorer (/explore): on every change of a control, a debounced POST /api/v1/explore (the one in flight is
// aborted), then the charts, the best-shape panel and the timing footer are redrawn in place. Every number comes from
// the endpoint; this script only reads the controls, draws and times. The timing runs from the input event an update
// answers to the charts redrawn (performance.now()), beside the server's own time; it is also logged to the console.
(function () {
  const form = document.getElementById('explore-form');
  if (!form || typeof echarts === 'undefined' || !window.MoeCharts) {
    return;
  }
  const C = window.MoeCharts;
  const DEBOUNCE_MS = 150;
  const COLORS = ['#2f5bd3', '#d9480f', '#2b8a3e', '#7048e8', '#c2255c', '#5b6678', '#0b7285', '#e67700'];
  const $ = function (id) { return document.getElementById(id); };
  const controls = {
    compute: $('f-compute'), unique: $('f-unique'), memory: $('f-memory'), experts: $('f-experts'),
    topK: $('f-topk'), granularity: $('f-granularity'), model: $('f-model')
  };
  const error = $('explore-error');
  const timing = $('explore-timing');
  const charts = {
    a: echarts.init($('chart-explore-a'), null, { renderer: 'canvas' }),
    g: echarts.init($('chart-explore-g'), null, { renderer: 'canvas' }),
    el: echarts.init($('chart-explore-el'), null, { renderer: 'canvas' })
  };
  let timer = null;
  let inFlight = null;
  let lastFired = -Infinity;
  let lastInput = 0;
  let updates = 0;

  function sci(x) {
    return x.toExponential(2).replace('e+', 'e');
  }

  // 1.23B, 456M, 7.8T: parameters and tokens the way the rest of the site writes them
  function count(x) {
    const units = [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'K']];
    for (let i = 0; i < units.length; i++) {
      if (Math.abs(x) >= units[i][0]) {
        return Number((x / units[i][0]).toPrecision(3)) + units[i][1];
      }
    }
    return String(Number(x.toPrecision(3)));
  }

  function sig(x) {
    return String(Number(x.toPrecision(3)));
  }

  function pct(x) {
    return Number((100 * x).toPrecision(3)) + '%';
  }

  function labelOf(input) {
    const label = form.querySelector('label[for="' + input.id + '"]');
    return label ? label.childNodes[0].textContent.trim() : input.id;
  }

  function showError(text, input) {
    error.textContent = text;
    error.hidden = false;
    Object.keys(controls).forEach(function (k) { controls[k].removeAttribute('aria-invalid'); });
    if (input) {
      input.setAttribute('aria-invalid', 'true');
    }
  }

  function clearError() {
    error.hidden = true;
    error.textContent = '';
    Object.keys(controls).forEach(function (k) { controls[k].removeAttribute('aria-invalid'); });
  }

  // An optional positive number typed in a field (2e12, 2000000000000, or with a suffix as on the plan form: 2T, 30B,
  // 500M, 10K): undefined when empty, NaN when not a positive number.
  const SUFFIX = { K: 1e3, M: 1e6, B: 1e9, T: 1e12 };
  function optionalNumber(input) {
    const text = input.value.trim().replace(/[_,\s]/g, '');
    if (text === '') {
      return undefined;
    }
    const m = /^([0-9]*\.?[0-9]+(?:e[+-]?[0-9]+)?)([KMBT])?$/i.exec(text);
    const x = m ? Number(m[1]) * (m[2] ? SUFFIX[m[2].toUpperCase()] : 1) : NaN;
    return x > 0 && isFinite(x) ? x : NaN;
  }

  function computeFlops() {
    return Math.pow(10, Number(controls.compute.value));
  }

  // The request body, or null (with the message shown) when a field cannot be read.
  function body() {
    const out = { computeFlops: Number(computeFlops().toPrecision(6)), model: controls.model.value };
    const fields = [['uniqueTokens', controls.unique, 'a number of tokens, e.g. 2e12 or 2T, or nothing for ample data'],
      ['maxTotalParams', controls.memory, 'a number of parameters, e.g. 3e10 or 30B, or nothing for no cap']];
    for (let i = 0; i < fields.length; i++) {
      const x = optionalNumber(fields[i][1]);
      if (Number.isNaN(x)) {
        showError(labelOf(fields[i][1]) + ': give ' + fields[i][2] + '.', fields[i][1]);
        return null;
      }
      if (x !== undefined) {
        out[fields[i][0]] = x;
      }
    }
    [['experts', controls.experts], ['topK', controls.topK], ['granularity', controls.granularity]].forEach(function (f) {
      if (f[1].value !== 'any') {
        out[f[0]] = Number(f[1].value);
      }
    });
    return out;
  }

  // A problem+json answer in the page's words: the label of the field it names, and its message.
  function problemText(problem, status) {
    const e = problem && problem.errors && problem.errors[0];
    const input = e ? form.querySelector('[data-field="' + e.field + '"]') : null;
    if (input && e.message) {
      return { text: labelOf(input) + ': ' + e.message, input: input };
    }
    return { text: (problem && problem.detail) || ('The advisor could not answer (HTTP ' + status + ').'), input: null };
  }

  function onInput() {
    lastInput = performance.now();
    controls.compute.nextElementSibling.textContent = sci(computeFlops()) + ' FLOPs';
    clearTimeout(timer);
    const wait = lastFired + DEBOUNCE_MS - lastInput;
    if (wait <= 0) {
      fire(lastInput);
    } else {
      timer = setTimeout(function () { fire(lastInput); }, wait);
    }
  }

  function fire(inputAt) {
    lastFired = performance.now();
    const request = body();
    if (!request) {
      return;
    }
    if (inFlight) {
      inFlight.abort();
    }
    const controller = new AbortController();
    inFlight = controller;
    fetch('/api/v1/explore', {
      method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(request), signal: controller.signal
    }).then(function (r) {
      return r.json().then(function (json) { return { status: r.status, json: json }; },
        function () { return { status: r.status, json: null }; });
    }).then(function (answer) {
      if (controller !== inFlight) {
        return;
      }
      inFlight = null;
      if (answer.status !== 200) {
        const p = problemText(answer.json, answer.status);
        showError(p.text, p.input);
        if (answer.status === 503 && answer.json && answer.json.type === 'model-not-ready') {
          timer = setTimeout(function () { fire(performance.now()); }, 2000);
        }
        return;
      }
      clearError();
      draw(answer.json);
      const total = performance.now() - inputAt;
      updates++;
      const words = 'updated in ' + Math.round(total) + ' ms: server ' + Math.round(answer.json.computeMillis) + ' ms';
      timing.textContent = words;
      timing.dataset.updates = String(updates);
      timing.dataset.totalMs = String(total);
      timing.dataset.serverMs = String(answer.json.computeMillis);
      console.log('explore ' + words);
    }).catch(function (e) {
      if (e.name !== 'AbortError' && controller === inFlight) {
        inFlight = null;
        showError('The advisor could not be reached: ' + e.message, null);
      }
    });
  }

  function draw(x) {
    drawBest(x);
    drawByActivation(x);
    drawByGranularity(x);
    drawLeverage(x);
  }

  function drawBest(x) {
    const b = x.best;
    const s = b.shape;
    $('best-model').textContent = '(' + x.modelLabel + '; loss in ' + x.unit + ')';
    $('best-loss').textContent = b.predictedLoss.toFixed(4);
    $('best-dense').textContent = x.dense
      ? 'dense baseline ' + x.dense.predictedLoss.toFixed(4) + ' (' + count(x.dense.totalParams) + ' parameters), '
        + (x.lossGap > 0 ? 'the MoE ' + x.lossGap.toFixed(4) + ' lower' : 'the dense model ' + (-x.lossGap).toFixed(4) + ' lower')
      : 'no dense shape fits this budget';
    $('best-el').textContent = b.efficiencyLeverage.toFixed(2);
    $('best-ratios').textContent = 'A = ' + pct(b.activationRatio.ling) + ' · G = ' + sig(b.granularity)
      + ' · N_active/N_total = ' + pct(b.activationRatio.params);
    $('best-params').textContent = count(b.totalParams) + ' / ' + count(b.activeParams);
    $('best-tokens').textContent = count(b.tokens) + ' tokens' + (b.epochs ? ', ' + sig(b.epochs) + ' epochs' : '')
      + (b.outside.length ? ' · outside the model\'s evidence' : '');
    $('best-shape').textContent = 'E = ' + s.experts + ' routed experts, k = ' + s.topK + ' per token, '
      + s.sharedExperts + ' shared; d_model ' + s.dModel + ', ' + s.layers + ' layers (' + s.denseLayers
      + ' dense first), d_expert ' + s.dExpert + ', ' + s.heads + ' heads / ' + s.kvHeads + ' key/value heads.';
  }

  function bestPoint(x, y) {
    return {
      name: 'best shape', type: 'scatter', data: [[x, y]], symbolSize: 14, z: 5,
      itemStyle: { color: '#d9480f', borderColor: '#fff', borderWidth: 2 },
      label: { show: true, position: 'top', formatter: 'best', color: '#d9480f', fontWeight: 600 }
    };
  }

  // A loss axis whose labels carry as many decimals as its step needs (a span of 0.01 needs three).
  function lossAxis(values) {
    const axis = C.valueAxis('loss', values, 0.1, 0.15, { nameGap: 12 });
    const decimals = Math.max(0, Math.ceil(-Math.log10(axis.interval) - 1e-9));
    axis.axisLabel = { formatter: function (v) { return v.toFixed(decimals); }, hideOverlap: true };
    return axis;
  }

  function drawByActivation(x) {
    const byK = {};
    x.byActivation.forEach(function (p) {
      (byK[p.topK] = byK[p.topK] || []).push(p);
    });
    const series = Object.keys(byK).map(function (k, i) {
      return {
        name: 'k = ' + k, type: 'line', showSymbol: true, symbolSize: 5,
        // shapes without the fixed E and k are drawn faint: the best shape is the best of the others
        data: byK[k].map(function (p) {
          return { value: [p.activationRatio, p.loss], experts: p.experts, itemStyle: p.fixed ? {} : { opacity: 0.25 } };
        }),
        lineStyle: { width: 1.5, color: COLORS[i % COLORS.length], opacity: 0.85 },
        itemStyle: { color: COLORS[i % COLORS.length] }
      };
    });
    series.push(bestPoint(x.best.activationRatio.ling, x.best.predictedLoss));
    const xs = x.byActivation.map(function (p) { return p.activationRatio; });
    charts.a.setOption({
      animation: false,
      title: C.title('Predicted loss against A at C = ' + sci(x.computeFlops) + ' FLOPs (best shape per E and k)', '', charts.a),
      grid: { left: 56, right: 24, top: 56, bottom: 84 },
      legend: { bottom: 0, itemWidth: 10, textStyle: { fontSize: 11 } },
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          const d = p.data || {};
          return p.seriesName + (d.experts ? ', E = ' + d.experts : '') + '<br>A = ' + pct(p.value[0])
            + '<br>loss = ' + p.value[1].toFixed(4);
        }
      },
      xAxis: Object.assign({}, { type: 'log', logBase: 10, name: 'activation ratio A = (k+s)/(E+s)',
        nameLocation: 'middle', nameGap: 30, splitLine: { show: false }, axisLabel: { formatter: C.tick, hideOverlap: true } },
      (function () { const b = C.niceLog(xs, 10); return { min: b[0], max: b[1] }; })()),
      yAxis: lossAxis(x.byActivation.map(function (p) { return p.loss; })),
      series: series
    }, true);
  }

  function drawByGranularity(x) {
    const pts = x.byGranularity.filter(function (p) { return p.loss !== null; });
    const xs = pts.map(function (p) { return p.shapeGranularity; }).concat([x.best.granularity]);
    charts.g.setOption({
      animation: false,
      title: C.title('Predicted loss against G at C = ' + sci(x.computeFlops) + ' FLOPs (best shape per band)', '', charts.g),
      grid: { left: 56, right: 24, top: 56, bottom: 56 },
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          const d = p.data || {};
          return 'G = ' + sig(p.value[0]) + (d.experts ? ' (E = ' + d.experts + ', k = ' + d.topK + ')' : '')
            + '<br>loss = ' + p.value[1].toFixed(4);
        }
      },
      xAxis: Object.assign({ type: 'log', logBase: 2, name: 'granularity G = 2·d_model/d_expert', nameLocation: 'middle',
        nameGap: 30, splitLine: { show: false }, axisLabel: { formatter: C.tick, hideOverlap: true } },
      (function () { const b = C.niceLog(xs, 2); return { min: b[0], max: b[1] }; })()),
      yAxis: lossAxis(pts.map(function (p) { return p.loss; })),
      series: [{
        name: 'best per granularity band', type: 'line', showSymbol: true, symbolSize: 6,
        data: pts.map(function (p) { return { value: [p.shapeGranularity, p.loss], experts: p.experts, topK: p.topK }; }),
        lineStyle: { width: 2, color: COLORS[0] }, itemStyle: { color: COLORS[0] }
      }, bestPoint(x.best.granularity, x.best.predictedLoss)]
    }, true);
  }

  // Each curve as two series over the same computes: solid inside the model's range, dashed outside (and at the
  // in-range neighbours of outside points, so the two join), like the plan and laws pages.
  function drawLeverage(x) {
    const series = [];
    const ys = [];
    x.leverage.forEach(function (curve, i) {
      const color = COLORS[i % COLORS.length];
      const p = curve.points;
      const xy = function (q) { return q.efficiencyLeverage === null ? '-' : [q.computeFlops, q.efficiencyLeverage]; };
      const solid = p.map(function (q) { return q.outside ? '-' : xy(q); });
      const dashed = p.map(function (q, j) {
        const near = (j > 0 && p[j - 1].outside) || (j + 1 < p.length && p[j + 1].outside);
        return q.outside || near ? xy(q) : '-';
      });
      p.forEach(function (q) { if (q.efficiencyLeverage !== null) { ys.push(q.efficiencyLeverage); } });
      const short = curve.name.split(' — ')[0].split(' (')[0];
      const name = curve.model === x.model ? short + ' (chosen)' : short;
      [['solid', solid], ['dashed', dashed]].forEach(function (part) {
        series.push({
          name: name, id: curve.model + '-' + part[0], type: 'line', showSymbol: true, symbolSize: 4, connectNulls: false,
          data: part[1], lineStyle: { width: curve.model === x.model ? 3 : 1.8, type: part[0], color: color },
          itemStyle: { color: color }
        });
      });
    });
    series.push({
      name: 'this budget', type: 'line', data: [], markLine: {
        silent: true, symbol: 'none', lineStyle: { color: '#5b6678', type: 'dotted' },
        label: { formatter: 'C = ' + sci(x.computeFlops), color: '#5b6678', fontSize: 11 },
        data: [{ xAxis: x.computeFlops }]
      }
    });
    charts.el.setOption({
      animation: false,
      title: C.title('EL against compute at A = ' + pct(x.best.activationRatio.ling) + ', G = ' + sig(x.best.granularity)
        + ' (the best shape) under every model', '', charts.el),
      grid: { left: 56, right: 24, top: 48, bottom: 96 },
      legend: { bottom: 0, textStyle: { fontSize: 11 }, data: series.filter(function (s) { return s.id && /-solid$/.test(s.id); })
        .map(function (s) { return s.name; }) },
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          return p.seriesName + '<br>C = ' + sci(p.value[0]) + ' FLOPs<br>EL = ' + sig(p.value[1]);
        }
      },
      xAxis: { type: 'log', logBase: 10, min: 1e18, max: 1e26, name: 'training compute C (FLOPs)', nameLocation: 'middle',
        nameGap: 30, splitLine: { show: false }, axisLabel: { formatter: function (v) { return v.toExponential(0).replace('+', ''); } } },
      yAxis: { type: 'log', logBase: 10, name: 'EL', nameGap: 12, min: C.niceLog(ys, 10)[0], max: C.niceLog(ys, 10)[1],
        axisLabel: { formatter: C.tick } },
      series: series
    }, true);
  }

  Object.keys(controls).forEach(function (k) {
    const c = controls[k];
    c.addEventListener('input', onInput);
  });
  form.addEventListener('submit', function (e) { e.preventDefault(); onInput(); });
  window.addEventListener('resize', function () { charts.a.resize(); charts.g.resize(); charts.el.resize(); });
  onInput();
})();
