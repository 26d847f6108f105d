// Progressive enhancement for the build-time SVG charts: tooltips from the
// chart's own data table, and legend items that show or hide a series.
// Everything works without this script; it only adds interaction.
(function () {
  'use strict';
  var ssr = window['echarts-ssr-client'];
  if (!ssr || !ssr.hydrate) { return; }

  function tableCell(fig, dataIndex, seriesIndex) {
    var rows = fig.querySelectorAll('table tbody tr');
    var head = fig.querySelectorAll('table thead tr > *');
    var row = rows[dataIndex];
    if (!row) { return null; }
    var cells = row.children;
    var cell = cells[seriesIndex + 1];
    if (!cell) { return null; }
    return {
      label: cells[0].textContent,
      series: head[seriesIndex + 1] ? head[seriesIndex + 1].textContent : '',
      value: cell.textContent
    };
  }

  function setup(fig) {
    var box = fig.querySelector('.chart-svg');
    if (!box) { return; }
    var tip = document.createElement('div');
    tip.className = 'chart-tip';
    tip.setAttribute('role', 'status');
    tip.hidden = true;
    box.appendChild(tip);
    var hidden = {};
    ssr.hydrate(box, {
      on: {
        mouseover: function (p) {
          if (p.ssrType !== 'chart' || p.dataIndex === undefined) { return; }
          var c = tableCell(fig, p.dataIndex, p.seriesIndex || 0);
          if (!c) { return; }
          tip.textContent = c.label + ' · ' + c.series + ': ' + c.value;
          tip.hidden = false;
        },
        mouseout: function () { tip.hidden = true; },
        click: function (p) {
          if (p.ssrType !== 'legend' || p.seriesIndex === undefined) { return; }
          var i = p.seriesIndex;
          hidden[i] = !hidden[i];
          var els = box.querySelectorAll('[ecmeta_series_index="' + i + '"]');
          for (var k = 0; k < els.length; k++) {
            if (els[k].getAttribute('ecmeta_ssr_type') === 'chart') {
              els[k].style.opacity = hidden[i] ? '0' : '';
            } else {
              els[k].style.opacity = hidden[i] ? '0.4' : '';
            }
          }
        }
      }
    });
  }

  var figs = document.querySelectorAll('figure.chart');
  for (var i = 0; i < figs.length; i++) { setup(figs[i]); }
})();
