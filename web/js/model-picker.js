// Progressive enhancement for the known-model picker on /evaluate: choosing a model loads it at once
// (GET /evaluate?model=<id>). Without JavaScript the "Load" button submits the same form.
(function () {
  const select = document.getElementById('model-select');
  const load = document.getElementById('load-model');
  if (!select || !load) {
    return;
  }
  load.hidden = true;
  select.addEventListener('change', function () {
    if (select.value) {
      select.form.submit();
    }
  });
})();
