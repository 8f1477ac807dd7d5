// Shared by the map scripts. Leaflet reads a string tooltip as HTML; names and addresses are typed by users, so they
// go in as text nodes.
window.civicGrid = window.civicGrid || {};
window.civicGrid.plainText = function (text) {
    'use strict';
    const span = document.createElement('span');
    span.textContent = text;
    return span;
};
