//! Version 3 → 4: the campus.
//!
//! Version 4 adds buildings, ducts, switch models, the distributors' roles and the backbone
//! and cord settings (`buildings`, `ducts`, `switch_models`, a floor's `building`, a telecom
//! room's `role`, `switch_model` and `switches`, `settings.backbone`, `settings.switching`,
//! four `settings.cabling` members). A version 3 file is one unnamed building whose telecom
//! rooms are all floor distributors, which is what version 4 reads a file without these
//! members as: nothing is rewritten. The version is bumped so that an older tailplan refuses
//! a campus rather than opening it without its buildings and roles.

use serde_json::Value;

/// Nothing to rewrite: every member version 4 adds defaults to what version 3 meant.
pub(super) fn apply(root: &mut Value) -> Result<(), String> {
    if !root.is_object() {
        return Err("the file is not a JSON object".into());
    }
    Ok(())
}
