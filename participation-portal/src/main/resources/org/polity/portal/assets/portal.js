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
      form.querySelectorAll("input[type=checkbox][data-cost]").forEach(function (box) {
        if (box.checked) {
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
    update();
  }

  document.querySelectorAll("form[data-basket]").forEach(basket);
})();
