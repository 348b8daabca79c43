pub mod entity_eval;
