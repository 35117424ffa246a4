// The harness in a page (wasm on Chromium's main thread): run-browser.mjs calls these one
// run at a time and reads the renderer thread's CPU time around each call.
import init, * as m from './pkg-web/wasmbench.js';

window.bench = {
  async load(floor) {
    await init();
    const text = await (await fetch('office.tailplan.json')).text();
    return m.load(text, floor);
  },
  all: () => { m.all(); },
  coarse: () => { m.coarse(); },
  warm: () => { m.warm(); },
  moved: () => { if (m.moved() !== 1) throw new Error('more than one field computed'); },
};
window.benchReady = true;
