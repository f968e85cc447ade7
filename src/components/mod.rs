//! The page's components, one per file.

pub mod app;
pub mod count_up;
pub mod data_table;
pub mod full_story_link;
pub mod gallery;
pub mod illustration;
pub mod listen_control;
pub mod masthead;
pub mod paragraph;
pub mod progress_bar;
pub mod replay_button;
pub mod section_nav;
pub mod story_counter;
pub mod story_figure;
pub mod story_scene;
pub mod story_section;
pub mod summary;
