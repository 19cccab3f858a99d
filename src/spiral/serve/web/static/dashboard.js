// spiral dashboard: draws every chart from its JSON spec, follows a mark's href on click,
// turns the timeline's date brush into since/until in the URL, and downloads figures.
"use strict";

window.spiralCharts = {drawn: 0, failed: [], views: {}, brush: null};

function followHref(event, item) {
  const href = item && item.datum && item.datum.href;
  if (typeof href !== "string" || !href.startsWith("/")) return;
  if (document.body.dataset.offline) {
    // the offline report holds the dyads' pages, not the server's: go to the dyad's section
    const dyad = /^\/dyad\/([A-Z0-9]+-[A-Z0-9]+)/.exec(href) || /[?&]dyad=([A-Z0-9]+-[A-Z0-9]+)/.exec(href);
    if (dyad && document.getElementById("dyad-" + dyad[1])) window.location.hash = "dyad-" + dyad[1];
    return;
  }
  window.location.assign(href);
}

function isoDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

function watchBrush(view) {
  const button = document.getElementById("apply-brush");
  view.addSignalListener("brush", (name, value) => {
    const range = value && (value.date || value.yearmonthdate_date);
    window.spiralCharts.brush = range && range.length === 2 ? range : null;
    if (button) button.disabled = !window.spiralCharts.brush;
  });
  if (button) {
    button.addEventListener("click", () => {
      const range = window.spiralCharts.brush;
      if (!range) return;
      const url = new URL(window.location.href);
      url.searchParams.set("since", isoDay(Math.min(range[0], range[1])));
      url.searchParams.set("until", isoDay(Math.max(range[0], range[1])));
      window.location.assign(url.pathname + url.search);
    });
  }
}

function download(name, format) {
  const view = window.spiralCharts.views[name];
  if (!view) return;
  view.toImageURL(format, format === "png" ? 2 : 1).then((url) => {
    const link = document.createElement("a");
    link.href = url;
    link.download = `spiral-${name}.${format}`;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }).catch((err) => console.error(err));
}

function drawAll() {
  for (const el of document.querySelectorAll(".chart[data-chart]")) {
    const name = el.dataset.chart;
    const spec = JSON.parse(document.getElementById("spec-" + name).textContent);
    vegaEmbed(el, spec, {actions: false, renderer: "svg"})
      .then((result) => {
        window.spiralCharts.views[name] = result.view;
        result.view.addEventListener("click", followHref);
        if (name === "timeline") watchBrush(result.view);
        window.spiralCharts.drawn += 1;
      })
      .catch((err) => { window.spiralCharts.failed.push(name); console.error(err); });
  }
  for (const button of document.querySelectorAll("button.download")) {
    button.addEventListener("click", () => download(button.dataset.chart, button.dataset.format));
  }
  const mark = document.getElementById("hl");
  if (mark && mark.textContent) mark.scrollIntoView({block: "center"});
}

document.addEventListener("DOMContentLoaded", drawAll);
