// The editor's service worker: it keeps the editor's own files (the page, scripts, wasm,
// styles, the samples) so that the editor opens without a network after the first visit.
// web/offline.sh writes the file list and the version at build time (a Trunk hook).
//
// Network first, the cache when the network fails: online, every file is the served one
// (the page and its worker never come from two builds); offline, the last ones kept.
// Only same-origin GET requests are answered; nothing else is touched.

const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `tailplan-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('tailplan-') && k !== CACHE).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const key = request.mode === 'navigate' ? new Request('./') : request;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok && response.type === 'basic') {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(key, copy)));
        }
        return response;
      })
      .catch(() =>
        caches
          .open(CACHE)
          .then((cache) => cache.match(key, { ignoreSearch: true }))
          .then((hit) => hit || Response.error()),
      ),
  );
});
