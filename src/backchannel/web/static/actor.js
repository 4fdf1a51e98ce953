// The actor page's contact network: read from the JSON API, drawn with the bundled Cytoscape.js.
(function () {
  "use strict";
  var box = document.getElementById("network");
  if (!box || typeof cytoscape !== "function") { return; }
  var actor = box.getAttribute("data-actor");
  var enc = encodeURIComponent;
  fetch("/api/actors/" + enc(actor) + "/network", {headers: {"Accept": "application/json"}})
    .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
    .then(function (net) {
      var elements = [];
      net.nodes.forEach(function (n) {
        elements.push({data: {id: n.id, label: n.label, type: n.type, center: n.center ? 1 : 0}});
      });
      net.edges.forEach(function (e) {
        elements.push({data: {id: e.source + "|" + e.target, source: e.source, target: e.target,
                              weight: e.reports, denied: e.denied}});
      });
      var cy = cytoscape({
        container: box,
        elements: elements,
        layout: {name: net.nodes.length > 2 ? "cose" : "circle", animate: false, padding: 20},
        style: [
          {selector: "node", style: {"label": "data(label)", "font-size": 11, "background-color": "#6b8cae",
                                     "width": 18, "height": 18, "color": "#222", "text-valign": "bottom"}},
          {selector: "node[center = 1]", style: {"background-color": "#c0392b", "width": 28, "height": 28,
                                                 "font-weight": "bold"}},
          {selector: "node[type = 'ORG']", style: {"shape": "round-rectangle"}},
          {selector: "node[type = 'LOC']", style: {"shape": "diamond"}},
          {selector: "edge", style: {"width": "mapData(weight, 1, 20, 1, 8)", "line-color": "#aab",
                                     "curve-style": "haystack"}},
          {selector: "edge[denied > 0]", style: {"line-color": "#d35400", "line-style": "dashed"}}
        ]
      });
      cy.on("tap", "node", function (evt) {
        var id = evt.target.id();
        if (id !== actor) { window.location.href = "/actors/" + enc(id); }
      });
      cy.on("tap", "edge", function (evt) {
        var d = evt.target.data();
        window.location.href = "/pairs/" + enc(d.source) + "/" + enc(d.target);
      });
      box.setAttribute("data-ready", "1");
    })
    .catch(function (err) {
      box.textContent = "The network could not be loaded (" + err.message + ").";
    });
}());
