// Small progressive enhancements; every page works without them.
(function () {
  'use strict';
  function ready() {
    // Move focus to an error summary so keyboard and screen-reader users land on what went wrong.
    var summary = document.querySelector('.error-summary');
    if (summary) { summary.focus(); }
    // "Use my location" fills longitude and latitude from the browser's geolocation, when it has one.
    var locate = document.getElementById('locate');
    if (locate && navigator.geolocation) {
      locate.hidden = false;
      locate.addEventListener('click', function () {
        navigator.geolocation.getCurrentPosition(function (position) {
          document.getElementById('longitude').value = position.coords.longitude.toFixed(6);
          document.getElementById('latitude').value = position.coords.latitude.toFixed(6);
        });
      });
    }
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', ready); } else { ready(); }
})();
