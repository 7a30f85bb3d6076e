// Shows each <time data-local> in the visitor's own time zone and language. The server wrote the time as the group's
// clock reads it; without JavaScript, that stays.
(function () {
  "use strict";
  var language = document.documentElement.lang || undefined;
  var times = document.querySelectorAll("time[data-local]");
  for (var i = 0; i < times.length; i++) {
    var element = times[i];
    var instant = new Date(element.getAttribute("datetime"));
    if (isNaN(instant.getTime())) {
      continue;
    }
    try {
      var format = new Intl.DateTimeFormat(language, { dateStyle: "full", timeStyle: "short" });
      var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      element.title = element.textContent;
      element.textContent = format.format(instant) + (zone ? " (" + zone + ")" : "");
      element.setAttribute("data-localised", "true");
    } catch (error) {
      // An old browser without these options keeps the group's time.
    }
  }
})();
