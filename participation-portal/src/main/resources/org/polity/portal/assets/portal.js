// Polity portal: progressive enhancements only. Every page works without this script.
(function () {
  "use strict";

  // The ballot: keep the running total and the form's limits up to date as the voter ticks.
  function basket(form) {
    var total = form.querySelector("[data-basket-total]");
    var count = form.querySelector("[data-basket-count]");
    var status = form.querySelector("[data-basket-status]");
    if (!total) {
      return;
    }
    var envelope = Number(form.getAttribute("data-envelope") || "0");
    var maxCost = form.getAttribute("data-max-cost");
    var min = Number(form.getAttribute("data-min") || "0");
    var max = form.getAttribute("data-max");
    var locale = document.documentElement.lang;
    var currency = form.getAttribute("data-currency") || "EUR";
    var money = new Intl.NumberFormat(locale, { style: "currency", currency: currency, maximumFractionDigits: 0 });
    function update() {
      var sum = 0;
      var chosen = 0;
      form.querySelectorAll("input[data-cost]").forEach(function (box) {
        var named = box.type === "checkbox"
          ? box.checked
          : box.value.trim() !== "" && (box.getAttribute("data-kind") !== "cumulative" || Number(box.value) > 0);
        if (named) {
          sum += Number(box.getAttribute("data-cost"));
          chosen += 1;
        }
      });
      total.textContent = money.format(sum);
      if (count) {
        count.textContent = String(chosen);
      }
      var over = maxCost !== null && maxCost !== "" && sum > Number(maxCost);
      var tooMany = max !== null && max !== "" && chosen > Number(max);
      var tooFew = chosen < min;
      form.classList.toggle("over", over || tooMany);
      if (status) {
        var key = over ? "over" : tooMany ? "too-many" : tooFew ? "too-few" : "ok";
        status.textContent = status.getAttribute("data-" + key) || "";
      }
      var meter = form.querySelector("[data-basket-meter]");
      if (meter && envelope > 0) {
        meter.value = Math.min(sum, envelope);
      }
    }
    form.addEventListener("change", update);
    form.addEventListener("input", update);
    update();
  }

  document.querySelectorAll("form[data-basket]").forEach(basket);
})();

// The project maps: the list beside the map is the content; the map only draws its points.
(function () {
  "use strict";
  var element = document.getElementById("project-map");
  if (!element || typeof L === "undefined") {
    return;
  }
  var points = [];
  document.querySelectorAll("#project-list [data-lat]").forEach(function (item) {
    var lat = Number(item.getAttribute("data-lat"));
    var lon = Number(item.getAttribute("data-lon"));
    if (item.getAttribute("data-lat") && !isNaN(lat) && !isNaN(lon)) {
      points.push({ lat: lat, lon: lon, title: item.getAttribute("data-title"), href: item.getAttribute("data-href") });
    }
  });
  if (points.length === 0) {
    element.hidden = true;
    return;
  }
  var map = L.map(element, { scrollWheelZoom: false });
  L.tileLayer(element.getAttribute("data-tiles"), {
    maxZoom: 19,
    attribution: element.getAttribute("data-attribution") || ""
  }).addTo(map);
  var bounds = [];
  points.forEach(function (p) {
    var marker = L.marker([p.lat, p.lon], { title: p.title, keyboard: false }).addTo(map);
    if (p.href) {
      var link = document.createElement("a");
      link.href = p.href;
      link.textContent = p.title;
      marker.bindPopup(link);
    }
    bounds.push([p.lat, p.lon]);
  });
  if (bounds.length === 1) {
    map.setView(bounds[0], 15);
  } else {
    map.fitBounds(bounds, { padding: [20, 20] });
  }
})();
