//! Sample buildings (being written).
