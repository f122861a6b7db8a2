// Progressive enhancement for tables with class "sortable": clicking a header (or pressing Enter on it) sorts the
// rows by that column, ascending first, again to reverse. Cells sort by their data-sort key: numbers as numbers
// (empty keys last), text by locale. Without JavaScript the table stays in the server's order.
(function () {
  document.querySelectorAll('table.sortable').forEach(function (table) {
    const headers = Array.prototype.slice.call(table.querySelectorAll('thead th'));
    const body = table.tBodies[0];
    headers.forEach(function (th, column) {
      th.tabIndex = 0;
      th.classList.add('sort-header');
      th.setAttribute('aria-sort', 'none');
      const sort = function () {
        const ascending = th.getAttribute('aria-sort') !== 'ascending';
        headers.forEach(function (h) { h.setAttribute('aria-sort', 'none'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        const numeric = th.dataset.type === 'number';
        const rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          const ka = key(a, column);
          const kb = key(b, column);
          if (ka === '' || kb === '') {
            return ka === kb ? 0 : (ka === '' ? 1 : -1); // unknown values last, in either direction
          }
          return compare(ka, kb, numeric) * (ascending ? 1 : -1);
        });
        rows.forEach(function (r) { body.appendChild(r); });
      };
      th.addEventListener('click', sort);
      th.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          sort();
        }
      });
    });
  });

  function key(row, column) {
    const cell = row.cells[column];
    return cell ? (cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim()) : '';
  }

  function compare(a, b, numeric) {
    if (numeric) {
      return parseFloat(a) - parseFloat(b);
    }
    return a.localeCompare(b, undefined, { numeric: true });
  }
})();
