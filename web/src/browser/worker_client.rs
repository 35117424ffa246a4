//! The page's side of the worker (the browser edge): starts it, keeps its copy of the
//! project in step with the open document (the whole project once, then the edits from the
//! document's journal), sends jobs, and hands what comes back to a callback. A worker that
//! stops on an error is replaced by a new one; the callback hears why.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::{EventListener, EventListenerOptions};
use js_sys::{Array, ArrayBuffer, Float32Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::document::Document;
use crate::worker::protocol::{DocKey, FIRST_JOB, FromWorker, JobId, ToWorker};

/// The script that starts the main worker (it loads `tailplan-worker.js` and its wasm).
pub const ENGINE_URL: &str = "./tailplan-worker-loader.js";
/// The script that starts the files worker (imports, DXF).
pub const FILES_URL: &str = "./tailplan-files-loader.js";
/// The files worker's job numbers start here, apart from the main worker's.
pub const FILES_FIRST_JOB: JobId = FIRST_JOB * 2;

/// What the worker sent: a message and, for some, a buffer.
// A message lives only while it is posted or handled; boxing its biggest variant would
// cost an allocation per message for no gain.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub enum Incoming {
    /// A message, with its buffer.
    Message(FromWorker, Option<ArrayBuffer>),
    /// The worker stopped (an error, a crash): why. A new worker is started.
    Stopped(String),
}

/// The values of a heatmap buffer.
pub fn f32_values(buffer: &ArrayBuffer) -> Vec<f32> {
    Float32Array::new(buffer).to_vec()
}

/// The bytes of a file buffer.
pub fn bytes(buffer: &ArrayBuffer) -> Vec<u8> {
    Uint8Array::new(buffer).to_vec()
}

struct Inner {
    url: &'static str,
    worker: Option<Worker>,
    ready: bool,
    /// Messages waiting for the worker to be ready.
    outbox: Vec<(String, Option<ArrayBuffer>)>,
    /// The project state the worker has been sent.
    synced: Option<DocKey>,
    next_job: JobId,
    on_incoming: Rc<dyn Fn(Incoming)>,
    /// The worker's listeners, removed from it when a new worker replaces it.
    _listeners: Option<[EventListener; 2]>,
}

/// The page's handle on the worker.
#[derive(Clone)]
pub struct WorkerClient(Rc<RefCell<Inner>>);

impl WorkerClient {
    /// Starts the worker of `url` ([`ENGINE_URL`], [`FILES_URL`]), numbering jobs from
    /// `first_job`; what it sends goes to `on_incoming`.
    pub fn start(url: &'static str, first_job: JobId, on_incoming: Rc<dyn Fn(Incoming)>) -> Self {
        let client = WorkerClient(Rc::new(RefCell::new(Inner {
            url,
            worker: None,
            ready: false,
            outbox: Vec::new(),
            synced: None,
            next_job: first_job,
            on_incoming,
            _listeners: None,
        })));
        client.spawn();
        client
    }

    fn spawn(&self) {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Classic);
        options.set_name("tailplan");
        let url = self.0.borrow().url;
        let worker = Worker::new_with_options(url, &options);
        let mut inner = self.0.borrow_mut();
        inner.ready = false;
        inner.synced = None;
        let w = match worker {
            Ok(w) => w,
            Err(e) => {
                let message = crate::browser::fetch::js_message(&e);
                let cb = inner.on_incoming.clone();
                drop(inner);
                cb(Incoming::Stopped(format!(
                    "the worker could not start: {message}"
                )));
                return;
            }
        };
        let weak = Rc::downgrade(&self.0);
        let on_message = EventListener::new(&w, "message", move |e| {
            let (Some(inner), Some(e)) = (weak.upgrade(), e.dyn_ref::<MessageEvent>()) else {
                return;
            };
            WorkerClient(inner).receive(&e.data());
        });
        let weak = Rc::downgrade(&self.0);
        // Not passive: the error is handled here, not reported again on the page.
        let options = EventListenerOptions::enable_prevent_default();
        let on_error = EventListener::new_with_options(&w, "error", options, move |e| {
            e.prevent_default();
            let Some(inner) = weak.upgrade() else { return };
            let message = e
                .dyn_ref::<ErrorEvent>()
                .map(ErrorEvent::message)
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| "its script could not be loaded or started".to_owned());
            WorkerClient(inner).stopped(message);
        });
        inner.worker = Some(w);
        inner._listeners = Some([on_message, on_error]);
    }

    /// The worker stopped: start another and say why.
    fn stopped(&self, why: String) {
        let old = self.0.borrow_mut().worker.take();
        if let Some(w) = old {
            w.terminate();
        }
        self.0.borrow_mut().outbox.clear();
        let cb = self.0.borrow().on_incoming.clone();
        self.spawn();
        cb(Incoming::Stopped(why));
    }

    /// Stops the work in progress (a long placement, say): the worker is replaced by a
    /// fresh one, which gets the project again on the next request.
    pub fn restart(&self) {
        let old = self.0.borrow_mut().worker.take();
        if let Some(w) = old {
            w.terminate();
        }
        self.0.borrow_mut().outbox.clear();
        self.spawn();
    }

    fn receive(&self, data: &JsValue) {
        let text = Reflect::get(data, &"m".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_default();
        let buffer = Reflect::get(data, &"b".into())
            .ok()
            .and_then(|b| b.dyn_into::<ArrayBuffer>().ok());
        let message = match serde_json::from_str::<FromWorker>(&text) {
            Ok(m) => m,
            Err(e) => FromWorker::Failed {
                job: 0,
                message: format!("the worker's answer could not be read: {e}"),
            },
        };
        match &message {
            FromWorker::Ready => {
                let outbox = {
                    let mut inner = self.0.borrow_mut();
                    inner.ready = true;
                    std::mem::take(&mut inner.outbox)
                };
                for (m, b) in outbox {
                    self.post(&m, b);
                }
            }
            FromWorker::NeedProject => self.0.borrow_mut().synced = None,
            FromWorker::Crashed { message } => {
                let why = format!("it stopped on a bug ({message})");
                self.stopped(why);
                return;
            }
            _ => {}
        }
        let cb = self.0.borrow().on_incoming.clone();
        cb(Incoming::Message(message, buffer));
    }

    fn post(&self, text: &str, buffer: Option<ArrayBuffer>) {
        let inner = self.0.borrow();
        let Some(worker) = inner.worker.as_ref() else {
            return;
        };
        let envelope = Object::new();
        let _ = Reflect::set(&envelope, &"m".into(), &text.into());
        let sent = match buffer {
            Some(b) => {
                let _ = Reflect::set(&envelope, &"b".into(), &b);
                worker.post_message_with_transfer(&envelope, &Array::of1(&b))
            }
            None => worker.post_message(&envelope),
        };
        if let Err(e) = sent {
            let message = crate::browser::fetch::js_message(&e);
            drop(inner);
            self.stopped(format!("a message could not be sent to it: {message}"));
        }
    }

    /// Sends `message` (and `bytes`, transferred) once the worker is ready.
    pub fn send(&self, message: &ToWorker, bytes: Option<Vec<u8>>) {
        let text = match serde_json::to_string(message) {
            Ok(t) => t,
            Err(e) => {
                let cb = self.0.borrow().on_incoming.clone();
                cb(Incoming::Message(
                    FromWorker::Failed {
                        job: 0,
                        message: format!("the request could not be written: {e}"),
                    },
                    None,
                ));
                return;
            }
        };
        let buffer = bytes.map(|b| Uint8Array::from(b.as_slice()).buffer());
        let ready = self.0.borrow().ready;
        if ready {
            self.post(&text, buffer);
        } else {
            self.0.borrow_mut().outbox.push((text, buffer));
        }
    }

    /// Brings the worker's copy of the project to `doc` of `generation`: the edits since
    /// what it has, or the whole project.
    pub fn sync(&self, generation: u32, doc: &Document) {
        let key = (generation, doc.revision);
        let synced = self.0.borrow().synced;
        if synced == Some(key) {
            return;
        }
        let edits = match synced {
            Some((g, r)) if g == generation => doc.edits_since(r).map(|e| (r, e)),
            _ => None,
        };
        let message = match edits {
            Some((r, edits)) => ToWorker::Edits {
                from: (generation, r),
                to: key,
                edits,
            },
            None => ToWorker::Load {
                doc: key,
                project: crate::document::autosave::project_text(doc.project()),
            },
        };
        self.send(&message, None);
        self.0.borrow_mut().synced = Some(key);
    }

    /// A new number for a job sent from the page.
    pub fn next_job(&self) -> JobId {
        let mut inner = self.0.borrow_mut();
        inner.next_job += 1;
        inner.next_job
    }
}
