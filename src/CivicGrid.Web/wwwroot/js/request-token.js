// The page's antiforgery token as the header the API asks for on uploads and other form-like requests.
window.civicGrid = window.civicGrid || {};
window.civicGrid.tokenHeaders = function () {
    'use strict';
    const meta = document.querySelector('meta[name="request-verification-token"]');
    return meta && meta.content ? { 'RequestVerificationToken': meta.content } : {};
};
