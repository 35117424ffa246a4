//! Working offline after the first visit.

use yew::prelude::*;

use crate::browser::offline;

/// Registers the service worker once, when the editor mounts.
#[hook]
pub fn use_offline() {
    use_effect_with((), |_| offline::register());
}
