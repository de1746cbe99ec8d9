// Sev A Swarm: every Tasklist filter shows its count (Tasklist itself counts only the open one), so a
// Sev A waiting for an owner is seen whichever filter is open. Asks the engine API (as the person
// logged in) for the filters with their counts, and writes each count next to its filter's name.
const api = document.querySelector('base').getAttribute('engine-api') || '/camunda/api/engine/';

function engineUrl() {
  const base = api.endsWith('/') ? api : api + '/';
  return base + 'engine/default/filter?resourceType=Task&itemCount=true';
}

function show(filters) {
  const counts = new Map(filters.map(f => [f.name, f.itemCount]));
  document.querySelectorAll('.task-filters .content h4.name a').forEach(link => {
    const label = Array.from(link.childNodes).filter(n => n.nodeType === Node.TEXT_NODE)
      .map(n => n.textContent).join('').trim();
    if (!counts.has(label)) {
      return;
    }
    let count = link.querySelector('.swarm-count');
    if (!count) {
      count = document.createElement('span');
      count.className = 'swarm-count';
      link.appendChild(count);
    }
    count.textContent = ' (' + counts.get(label) + ')';
  });
  // Tasklist's own counter of the open filter would say it twice
  document.querySelectorAll('.task-filters .content h4.name .counter').forEach(c => { c.style.display = 'none'; });
}

function refresh() {
  fetch(engineUrl(), {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(r => (r.ok ? r.json() : []))
    .then(show)
    .catch(() => {});
}

refresh();
setInterval(refresh, 5000);

export default [];
