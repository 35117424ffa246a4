//! The worker's browser edge: messages in and out of the worker's global scope, and the
//! loop that does the [`Host`]'s work one step at a time, yielding to the event loop between
//! steps (through a `MessageChannel`, which is not throttled like timers) so that newer
//! messages are taken first.

use std::cell::{Cell, RefCell};

use js_sys::{Array, Float32Array, Object, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageChannel, MessageEvent, MessagePort};

use crate::worker::host::{Host, Out, Payload};
use crate::worker::protocol::{FromWorker, ToWorker};

thread_local! {
    static HOST: RefCell<Host> = RefCell::new(Host::engine());
    static SCHEDULED: Cell<bool> = const { Cell::new(false) };
    static WAKE: RefCell<Option<MessagePort>> = const { RefCell::new(None) };
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Milliseconds from the worker's clock.
fn now() -> f64 {
    scope().performance().map_or(0.0, |p| p.now())
}

/// Posts `outs` to the page, each payload transferred.
fn post(outs: Vec<Out>) {
    let scope = scope();
    for out in outs {
        let text = serde_json::to_string(&out.message).unwrap_or_else(|e| {
            serde_json::to_string(&FromWorker::Failed {
                job: 0,
                message: format!("The worker could not write its answer: {e}"),
            })
            .unwrap_or_default()
        });
        let envelope = Object::new();
        let _ = Reflect::set(&envelope, &"m".into(), &text.into());
        let buffer = match &out.payload {
            Payload::None => None,
            Payload::F32(v) => Some(Float32Array::from(v.as_slice()).buffer()),
            Payload::Bytes(v) => Some(Uint8Array::from(v.as_slice()).buffer()),
        };
        let sent = match buffer {
            Some(b) => {
                let _ = Reflect::set(&envelope, &"b".into(), &b);
                scope.post_message_with_transfer(&envelope, &Array::of1(&b))
            }
            None => scope.post_message(&envelope),
        };
        if sent.is_err() {
            web_sys::console::warn_1(&"tailplan worker: a message could not be posted".into());
        }
    }
}

/// Asks for one more step after the event loop has delivered what is waiting.
fn schedule() {
    let busy = HOST.with(|h| h.borrow().busy());
    if !busy || SCHEDULED.with(Cell::get) {
        return;
    }
    SCHEDULED.with(|s| s.set(true));
    WAKE.with(|w| {
        if let Some(port) = w.borrow().as_ref() {
            let _ = port.post_message(&JsValue::NULL);
        }
    });
}

fn pump() {
    SCHEDULED.with(|s| s.set(false));
    let outs = HOST.with(|h| h.borrow_mut().step(&now));
    post(outs);
    schedule();
}

fn receive(e: MessageEvent) {
    let data = e.data();
    let text = Reflect::get(&data, &"m".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_default();
    let bytes = Reflect::get(&data, &"b".into())
        .ok()
        .filter(|b| b.is_instance_of::<js_sys::ArrayBuffer>())
        .map(|b| Uint8Array::new(&b).to_vec())
        .unwrap_or_default();
    let outs = match serde_json::from_str::<ToWorker>(&text) {
        Ok(message) => HOST.with(|h| h.borrow_mut().receive(message, bytes)),
        Err(e) => vec![Out {
            message: FromWorker::Failed {
                job: 0,
                message: format!("The worker got a message it does not understand: {e}"),
            },
            payload: Payload::None,
        }],
    };
    post(outs);
    schedule();
}

/// Starts the worker made by `make` ([`Host::engine`], [`Host::files`]): listens to the page
/// and says it is ready.
pub fn run(make: fn() -> Host) {
    HOST.with(|h| *h.borrow_mut() = make());
    // A panic aborts the worker (panic = "abort"): tell the page why first; it starts a new
    // worker and reports the message, and the project on the page is untouched.
    std::panic::set_hook(Box::new(|info| {
        let message = FromWorker::Crashed {
            message: info.to_string(),
        };
        post(vec![Out {
            message,
            payload: Payload::None,
        }]);
    }));
    let scope = scope();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(receive);
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // Lives as long as the worker.
    on_message.forget();
    if let Ok(channel) = MessageChannel::new() {
        let on_wake = Closure::<dyn FnMut(MessageEvent)>::new(|_: MessageEvent| pump());
        channel
            .port1()
            .set_onmessage(Some(on_wake.as_ref().unchecked_ref()));
        on_wake.forget();
        WAKE.with(|w| *w.borrow_mut() = Some(channel.port2()));
    }
    post(vec![Out {
        message: FromWorker::Ready,
        payload: Payload::None,
    }]);
}
