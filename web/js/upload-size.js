// Progressive enhancement for the upload form on /datasets: a file over the size limit is refused before it is
// sent (the server refuses it too, with the same message).
(function () {
  const form = document.getElementById('upload-form');
  const input = document.getElementById('f-file');
  const error = document.getElementById('f-file-error');
  if (!form || !input || !error) {
    return;
  }
  const limit = Number(form.dataset.maxBytes);
  function check() {
    const file = input.files && input.files[0];
    const tooLarge = !!file && limit > 0 && file.size > limit;
    error.hidden = !tooLarge;
    error.textContent = tooLarge
      ? 'the file has ' + file.size + ' bytes; the limit is ' + limit + ' bytes: split it into smaller data sets'
      : '';
    input.setAttribute('aria-invalid', tooLarge ? 'true' : 'false');
    return !tooLarge;
  }
  input.addEventListener('change', check);
  form.addEventListener('submit', function (e) {
    if (!check()) {
      e.preventDefault();
    }
  });
})();
