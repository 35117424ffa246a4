//! File formats of tailplan (being written).
