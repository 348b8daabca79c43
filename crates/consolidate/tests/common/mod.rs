//! Helpers shared by the consolidation tests.

use chronicler_core::{Actor, ActorKind};

/// A country's government as an actor (`UKR` → `UKRGOV`).
pub fn actor(country: &str) -> Actor {
    Actor {
        entity: format!("state:{country}"),
        name: country.into(),
        code: format!("{country}GOV"),
        country: Some(country.into()),
        role: Some("GOV".into()),
        kind: ActorKind::State,
    }
}
