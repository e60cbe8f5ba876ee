// Draws the GeoJSON of an /ogc HTML page with Leaflet: the element #map names the JSON
// representation of the page (data-geojson) and the background tiles (data-tiles). Points are
// circle markers (SVG paths, no image needed); the view fits the features. The tiles may fail to
// load (offline): the features are drawn all the same.
(function () {
  'use strict';
  var element = document.getElementById('map');
  if (!element || typeof L === 'undefined') {
    return;
  }
  var map = L.map(element);
  map.setView([50.85, 4.35], 11);
  var tiles = element.getAttribute('data-tiles');
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 19, attribution: element.getAttribute('data-attribution') || '' }).addTo(map);
  }
  fetch(element.getAttribute('data-geojson'), { headers: { Accept: 'application/geo+json' } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    })
    .then(function (geojson) {
      var layer = L.geoJSON(geojson, {
        pointToLayer: function (feature, latlng) {
          return L.circleMarker(latlng, { radius: 7, weight: 2, color: '#1f4e79', fillOpacity: 0.6 });
        },
        onEachFeature: function (feature, drawn) {
          var p = feature.properties || {};
          var lang = document.documentElement.lang;
          var title = p['title_' + lang] || p.title || p['name_' + lang] || p.name || feature.id;
          // bindTooltip with a text node: the title is shown as text, never parsed as HTML
          drawn.bindTooltip(document.createTextNode(String(title)));
        }
      }).addTo(map);
      element.setAttribute('data-features', String(layer.getLayers().length));
      var bounds = layer.getBounds();
      if (bounds.isValid()) {
        map.fitBounds(bounds, { padding: [20, 20], maxZoom: 17 });
      }
    })
    .catch(function (error) {
      element.setAttribute('data-error', String(error));
    });
})();
