//! The browser edge of keeping the project: a small key-value store of strings on
//! IndexedDB (see [`crate::document::autosave`] for what is kept and why IndexedDB).
//!
//! Every request becomes a future through a `Promise` whose resolve and reject functions are
//! the request's own `onsuccess` and `onerror` handlers, so no Rust closure outlives a call;
//! the one listener that creates the object store on first use is removed when the database
//! is open.

use gloo_events::EventListener;
use js_sys::{Array, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode};

use crate::browser::fetch::js_message;

/// The version of the database's layout (one object store).
const DB_VERSION: u32 = 1;

/// An IndexedDB database holding one object store of strings.
pub struct Store {
    db: IdbDatabase,
    store: String,
}

impl Drop for Store {
    fn drop(&mut self) {
        self.db.close();
    }
}

/// Waits for a request's success; its error (or the event) otherwise.
async fn done(request: &IdbRequest) -> Result<JsValue, String> {
    let promise = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    let outcome = JsFuture::from(promise).await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    match outcome {
        Ok(_) => request.result().map_err(|e| js_message(&e)),
        Err(_) => Err(request.error().ok().flatten().map_or_else(
            || "the request failed".to_owned(),
            |e| format!("{}: {}", e.name(), e.message()),
        )),
    }
}

/// Waits for a transaction to commit.
async fn committed(tx: &IdbTransaction) -> Result<(), String> {
    let promise = Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onerror(Some(&reject));
        tx.set_onabort(Some(&reject));
    });
    let outcome = JsFuture::from(promise).await;
    tx.set_oncomplete(None);
    tx.set_onerror(None);
    tx.set_onabort(None);
    outcome.map(|_| ()).map_err(|_| {
        tx.error().map_or_else(
            || "the transaction was aborted".to_owned(),
            |e| format!("{}: {}", e.name(), e.message()),
        )
    })
}

impl Store {
    /// Opens (creating on first use) the database `db` with the object store `store`.
    pub async fn open(db: &str, store: &str) -> Result<Store, String> {
        let window = web_sys::window().ok_or("no browser window")?;
        let factory = window
            .indexed_db()
            .map_err(|e| js_message(&e))?
            .ok_or("this browser offers no IndexedDB (private mode?)")?;
        let request: IdbOpenDbRequest = factory
            .open_with_u32(db, DB_VERSION)
            .map_err(|e| js_message(&e))?;
        let name = store.to_owned();
        let opening = request.clone();
        let upgrade = EventListener::new(&request, "upgradeneeded", move |_| {
            if let Ok(db) = opening.result().and_then(|r| r.dyn_into::<IdbDatabase>())
                && !db.object_store_names().contains(&name)
            {
                // A failure here aborts the upgrade, which fails the open below.
                let _ = db.create_object_store(&name);
            }
        });
        let result = done(&request).await;
        drop(upgrade);
        let db: IdbDatabase = result?
            .dyn_into()
            .map_err(|_| "IndexedDB gave no database".to_owned())?;
        Ok(Store {
            db,
            store: store.to_owned(),
        })
    }

    fn transaction(
        &self,
        mode: IdbTransactionMode,
    ) -> Result<(IdbTransaction, web_sys::IdbObjectStore), String> {
        let names = Array::of1(&JsValue::from_str(&self.store));
        let tx = self
            .db
            .transaction_with_str_sequence_and_mode(&names, mode)
            .map_err(|e| js_message(&e))?;
        let store = tx.object_store(&self.store).map_err(|e| js_message(&e))?;
        Ok((tx, store))
    }

    /// Writes every (key, value) in one transaction: all of them are kept, or none.
    pub async fn put_all(&self, entries: &[(&str, &str)]) -> Result<(), String> {
        let (tx, store) = self.transaction(IdbTransactionMode::Readwrite)?;
        for (key, value) in entries {
            store
                .put_with_key(&JsValue::from_str(value), &JsValue::from_str(key))
                .map_err(|e| js_message(&e))?;
        }
        committed(&tx).await
    }

    /// The value of `key`, if there is one (and it is a string).
    pub async fn get(&self, key: &str) -> Result<Option<String>, String> {
        let (_tx, store) = self.transaction(IdbTransactionMode::Readonly)?;
        let request = store
            .get(&JsValue::from_str(key))
            .map_err(|e| js_message(&e))?;
        Ok(done(&request).await?.as_string())
    }

    /// Removes `key`.
    pub async fn delete(&self, key: &str) -> Result<(), String> {
        let (tx, store) = self.transaction(IdbTransactionMode::Readwrite)?;
        store
            .delete(&JsValue::from_str(key))
            .map_err(|e| js_message(&e))?;
        committed(&tx).await
    }
}
