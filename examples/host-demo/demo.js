// A host application that is not tailplan's editor: a plain page with a canvas that embeds the
// npm package `tailplan` (its `web` build) and uses nothing but its public API: open a plan,
// draw it, show a coverage heatmap and the cable routes, move an access point (an undoable
// edit), download a design sheet.
//
// The package is served beside this page as ./tailplan/ (see serve.mjs); a host that
// installed it with npm serves node_modules/tailplan/ the same way.

import init, { Project } from './tailplan/web/tailplan.js';
import { BANDS, colour } from './ramp.js';

const $ = (id) => document.getElementById(id);
const canvas = $('plan');
const ctx = canvas.getContext('2d');

/** The open project, the floor shown, and what was computed for it. */
const state = {
  project: null,
  floor: null,
  coverage: null,
  routing: null,
  selected: null,
  view: null,
};

function status(text, error = false) {
  $('status').textContent = text;
  $('status').classList.toggle('error', error);
}

function option(select, value, label) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  select.append(o);
}

/** Opens a file's bytes (a project file or any plan tailplan imports). */
function open(name, bytes) {
  let project;
  try {
    project = Project.importFile(name, bytes);
  } catch (e) {
    // The library throws Errors with the CLI's message.
    status(e.message, true);
    return;
  }
  state.project?.free();
  state.project = project;
  state.routing = null;
  state.selected = null;
  const info = project.info();
  const floors = $('floor');
  floors.replaceChildren();
  for (const f of info.floors) option(floors, f.id, `${f.name} (${f.id})`);
  const withAps = info.floors.find((f) => (f.counts.ap ?? 0) + (f.counts.gateway ?? 0) > 0);
  floors.value = (withAps ?? info.floors[0])?.id ?? '';
  chooseFloor(floors.value);
  const notes = project.warnings().length;
  status(`${name}: ${info.floors.length} floor(s)${notes ? `, ${notes} note(s)` : ''}`);
}

function chooseFloor(id) {
  state.floor = id || null;
  const services = $('service');
  services.replaceChildren();
  option(services, '', 'most common');
  if (state.floor) {
    const floor = state.project.floor(state.floor);
    const bands = new Set(floor.access_points?.map((a) => a.band));
    for (const b of ['2.4', '5', '6']) if (bands.has(b)) option(services, `band:${b}`, `Wi-Fi ${b} GHz`);
    const techs = new Set(floor.gateways?.map((g) => g.tech));
    for (const t of techs) option(services, `tech:${t}`, `${t} gateways`);
  }
  refresh();
}

/** Recomputes the coverage (cached fields: only what an edit touched) and the routing. */
function refresh() {
  const p = state.project;
  if (!p || !state.floor) return draw();
  const [kind, value] = $('service').value.split(':');
  const options = { floor: state.floor };
  if (kind === 'band') options.band = value;
  if (kind === 'tech') options.tech = value;
  let t = performance.now();
  try {
    state.coverage = p.coverage(options);
  } catch (e) {
    state.coverage = null;
    status(e.message, true);
  }
  const coverageMs = performance.now() - t;
  t = performance.now();
  if (!state.routing) state.routing = p.route();
  const routeMs = performance.now() - t;
  if (state.coverage) {
    status(`coverage ${coverageMs.toFixed(0)} ms, routing ${routeMs.toFixed(0)} ms`);
  }
  $('undo').disabled = !p.canUndo;
  $('redo').disabled = !p.canRedo;
  report();
  draw();
}

function report() {
  const legend = $('legend');
  legend.replaceChildren();
  for (const [, rgb, label] of BANDS) {
    const li = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.dataset.rgb = rgb.join(',');
    li.append(swatch, label);
    legend.append(li);
  }
  paintSwatches();
  const c = state.coverage;
  $('coverage-stats').textContent = c
    ? `${c.band ? `Wi-Fi ${c.band} GHz` : c.tech}, ${c.cols} × ${c.rows} cells of ${c.cell_m} m: ` +
      c.stats.floor.thresholds.map((t) => `≥ ${t.threshold_dbm} dBm ${t.percent.toFixed(1)} %`).join(', ') +
      ` of ${c.stats.floor.area_m2.toFixed(0)} m²`
    : '';
  const r = state.routing;
  const body = $('schedule').querySelector('tbody');
  body.replaceChildren();
  if (!r) return;
  const s = r.summary;
  $('route-summary').textContent =
    `${s.cables} of ${s.endpoints} cables routed, ${s.total_m.toFixed(1)} m; ` +
    `${r.bill_of_materials.total_cost.toFixed(2)} ${r.bill_of_materials.currency}; ${s.errors} design-rule error(s)`;
  for (const row of r.schedule.filter((row) => row.floor === state.floor).slice(0, 12)) {
    const tr = document.createElement('tr');
    for (const v of [row.cable_id, row.from, row.to, row.total_m.toFixed(1)]) {
      const td = document.createElement('td');
      td.textContent = v;
      tr.append(td);
    }
    body.append(tr);
  }
}

/** The legend's swatches, painted on tiny canvases (the page allows no inline style). */
function paintSwatches() {
  for (const s of document.querySelectorAll('.swatch')) {
    const c = document.createElement('canvas');
    c.width = c.height = 12;
    const g = c.getContext('2d');
    g.fillStyle = `rgb(${s.dataset.rgb})`;
    g.fillRect(0, 0, 12, 12);
    s.replaceChildren(c);
  }
}

/** The transform from floor metres (y north) to canvas pixels (y down). */
function fit(floorInfo) {
  const b = floorInfo?.bbox ?? { min: [0, 0], max: [10, 10], width_m: 10, height_m: 10 };
  const margin = 16;
  const scale = Math.min(
    (canvas.width - 2 * margin) / Math.max(b.width_m, 1e-6),
    (canvas.height - 2 * margin) / Math.max(b.height_m, 1e-6),
  );
  const ox = margin - b.min[0] * scale + (canvas.width - 2 * margin - b.width_m * scale) / 2;
  const oy = canvas.height - margin + b.min[1] * scale - (canvas.height - 2 * margin - b.height_m * scale) / 2;
  return { scale, ox, oy, x: (x) => ox + x * scale, y: (y) => oy - y * scale };
}

function line(points, v) {
  ctx.beginPath();
  points.forEach(([x, y], i) => (i ? ctx.lineTo(v.x(x), v.y(y)) : ctx.moveTo(v.x(x), v.y(y))));
  ctx.stroke();
}

function wallLines(wall) {
  const s = wall.shape;
  if (s.line) return [s.line];
  if (s.multi_line) return s.multi_line;
  if (s.polygon) return [s.polygon.exterior, ...(s.polygon.holes ?? [])].map((r) => [...r, r[0]]);
  return [];
}

function drawHeatmap(c, v) {
  const grid = document.createElement('canvas');
  grid.width = c.cols;
  grid.height = c.rows;
  const g = grid.getContext('2d');
  const image = g.createImageData(c.cols, c.rows);
  const values = c.best_rssi_dbm;
  for (let r = 0; r < c.rows; r++) {
    for (let col = 0; col < c.cols; col++) {
      const rgb = colour(values[r * c.cols + col]);
      if (!rgb) continue;
      // Row 0 is the south edge: the image's last row.
      const i = ((c.rows - 1 - r) * c.cols + col) * 4;
      image.data.set([rgb[0], rgb[1], rgb[2], 255], i);
    }
  }
  g.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = false;
  const [x0, y0] = c.origin;
  ctx.drawImage(grid, v.x(x0), v.y(y0 + c.rows * c.cell_m), c.cols * c.cell_m * v.scale, c.rows * c.cell_m * v.scale);
}

const ROOM_COLOURS = ['#1f77b4', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#7f7f7f'];

function draw() {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const p = state.project;
  if (!p || !state.floor) return;
  const info = p.info().floors.find((f) => f.id === state.floor);
  const v = (state.view = fit(info));
  const floor = p.floor(state.floor);
  let cells = 0;
  if ($('show-heatmap').checked && state.coverage) {
    drawHeatmap(state.coverage, v);
    cells = state.coverage.cols * state.coverage.rows;
  }
  ctx.lineCap = 'round';
  ctx.strokeStyle = '#9aa0a6';
  ctx.lineWidth = 1;
  for (const room of floor.rooms ?? []) line([...room.polygon.exterior, room.polygon.exterior[0]], v);
  ctx.strokeStyle = '#202124';
  for (const wall of floor.walls) {
    ctx.lineWidth = Math.max(1, wall.thickness_m * v.scale * 0.6);
    for (const pts of wallLines(wall)) line(pts, v);
  }
  ctx.lineWidth = 2;
  for (const o of floor.openings ?? []) {
    ctx.strokeStyle = o.kind === 'door' ? '#b06000' : '#4285f4';
    line(o.points, v);
  }
  ctx.setLineDash([6, 4]);
  ctx.strokeStyle = '#5f6368';
  ctx.lineWidth = 3;
  for (const t of floor.trays ?? []) line(t.points, v);
  ctx.setLineDash([]);
  if ($('show-routes').checked && state.routing) {
    ctx.lineWidth = 1;
    for (const cable of state.routing.routing.cables) {
      ctx.strokeStyle = ROOM_COLOURS[cable.room_index % ROOM_COLOURS.length];
      for (const part of cable.path) if (part.floor === state.floor) line(part.points, v);
    }
  }
  const dot = ([x, y], r, fill) => {
    ctx.beginPath();
    ctx.arc(v.x(x), v.y(y), r, 0, 2 * Math.PI);
    ctx.fillStyle = fill;
    ctx.fill();
  };
  for (const o of floor.outlets ?? []) dot(o.position, 2.5, '#3c4043');
  for (const d of floor.devices ?? []) dot(d.position, 2.5, '#a142f4');
  for (const g of floor.gateways ?? []) dot(g.position, 5, '#e37400');
  for (const a of floor.access_points ?? []) {
    dot(a.position, 6, a.id === state.selected ? '#d93025' : '#1a73e8');
  }
  ctx.fillStyle = '#188038';
  for (const t of floor.telecom_rooms ?? []) {
    ctx.fillRect(v.x(t.position[0]) - 6, v.y(t.position[1]) - 6, 12, 12);
  }
  canvas.dataset.view = `${v.scale} ${v.ox} ${v.oy}`;
  canvas.dataset.floor = state.floor;
  canvas.dataset.cells = String(cells);
  canvas.dataset.ready = 'true';
}

/** Click an access point to select it; click the plan to move the selected one there. */
function click(event) {
  const p = state.project;
  const v = state.view;
  if (!p || !v || !state.floor) return;
  const rect = canvas.getBoundingClientRect();
  const sx = ((event.clientX - rect.left) * canvas.width) / rect.width;
  const sy = ((event.clientY - rect.top) * canvas.height) / rect.height;
  const floor = p.floor(state.floor);
  const hit = (floor.access_points ?? []).find(
    (a) => Math.hypot(v.x(a.position[0]) - sx, v.y(a.position[1]) - sy) <= 8,
  );
  if (hit) {
    state.selected = hit.id;
    return draw();
  }
  const ap = (floor.access_points ?? []).find((a) => a.id === state.selected);
  if (!ap) return;
  const position = [(sx - v.ox) / v.scale, (v.oy - sy) / v.scale];
  try {
    p.apply({ edit: 'replace_element', element: { ...ap, element: 'access_point', position } });
  } catch (e) {
    return status(e.message, true);
  }
  state.selected = null;
  state.routing = null;
  refresh();
}

function downloadSheet() {
  const p = state.project;
  if (!p || !state.floor) return;
  try {
    const svg = p.sheet({ floor: state.floor, kind: 'cabling' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    a.download = `cabling-${state.floor}.svg`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  } catch (e) {
    status(e.message, true);
  }
}

$('floor').addEventListener('change', (e) => chooseFloor(e.target.value));
$('service').addEventListener('change', refresh);
$('show-heatmap').addEventListener('change', draw);
$('show-routes').addEventListener('change', draw);
$('undo').addEventListener('click', () => state.project?.undo() && ((state.routing = null), refresh()));
$('redo').addEventListener('click', () => state.project?.redo() && ((state.routing = null), refresh()));
$('sheet').addEventListener('click', downloadSheet);
canvas.addEventListener('click', click);
$('file').addEventListener('change', async (e) => {
  const file = e.target.files?.[0];
  if (file) open(file.name, new Uint8Array(await file.arrayBuffer()));
});

await init();
const sample = new URL(location.href).searchParams.get('sample') ?? 'samples/office.tailplan.json';
const response = await fetch(sample);
if (response.ok) {
  open(sample.split('/').pop(), new Uint8Array(await response.arrayBuffer()));
} else {
  status(`${sample}: ${response.status}: open a file instead`, true);
}
