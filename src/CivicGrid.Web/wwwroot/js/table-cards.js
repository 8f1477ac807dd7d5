// Names each table cell by its column heading, which the phone layout shows when rows become cards.
(function () {
    'use strict';

    function label(table) {
        const headings = Array.from(table.querySelectorAll('thead th')).map(function (th) { return th.textContent.trim(); });
        if (headings.length === 0) {
            return;
        }
        table.querySelectorAll('tbody > tr').forEach(function (row) {
            Array.from(row.children).forEach(function (cell, index) {
                if (!cell.hasAttribute('data-label') && index < headings.length && !cell.hasAttribute('colspan')) {
                    cell.setAttribute('data-label', headings[index]);
                }
            });
        });
    }

    function start() {
        document.querySelectorAll('main table.table').forEach(label);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
})();
