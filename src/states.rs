//! A scene's states as bit masks: which states a part of a graphic is shown in. Shared by the
//! data file's validation (`build.rs`) and the page; plain Rust, unit-tested natively.

/// The most states a scene's graphic may have: a [`Shows`] has a bit for each, and the
/// stylesheet's state rules cover this many (tested).
pub const MAX_STATES: usize = 8;

/// The states in which something is shown, one bit per state (bit `i`: state `i`).
pub type Shows = u8;

/// The states `from` (included) to `until` (excluded) of `states`, or exactly `list`, as a mask;
/// with none of them, every state. Errors name the unknown state.
pub fn shows(
    states: &[String],
    from: Option<&str>,
    until: Option<&str>,
    list: Option<&[String]>,
) -> Result<Shows, String> {
    let index = |name: &str| {
        states.iter().position(|s| s == name).ok_or_else(|| {
            format!(
                "`{name}` is not one of the scene's states ({})",
                states.join(", ")
            )
        })
    };
    if let Some(list) = list {
        if from.is_some() || until.is_some() {
            return Err("give `states` or `from`/`until`, not both".into());
        }
        return list
            .iter()
            .try_fold(0, |mask, name| Ok(mask | 1 << index(name)?));
    }
    let start = from.map(index).transpose()?.unwrap_or(0);
    let end = until.map(index).transpose()?.unwrap_or(states.len());
    Ok((start..end).fold(0, |mask, i| mask | 1 << i))
}

/// Whether `mask` shows state `i`.
pub fn shown(mask: Shows, i: usize) -> bool {
    i < MAX_STATES && mask & 1 << i != 0
}

/// The states of `mask`, as the page's `data-show` attribute lists them: `"0 2"`.
pub fn list(mask: Shows) -> String {
    (0..MAX_STATES)
        .filter(|&i| shown(mask, i))
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn ranges_and_lists_of_states() {
        let states = names(&["a", "b", "c", "d"]);
        assert_eq!(shows(&states, None, None, None), Ok(0b1111));
        assert_eq!(shows(&states, Some("b"), None, None), Ok(0b1110));
        assert_eq!(shows(&states, Some("b"), Some("d"), None), Ok(0b0110));
        assert_eq!(
            shows(&states, None, None, Some(&names(&["a", "c"]))),
            Ok(0b0101)
        );
        assert!(shows(&states, Some("x"), None, None)
            .unwrap_err()
            .contains("`x` is not one of the scene's states (a, b, c, d)"));
        assert!(shows(&states, Some("a"), None, Some(&names(&["a"]))).is_err());
    }

    #[test]
    fn masks_list_their_states() {
        assert_eq!(list(0b0101), "0 2");
        assert_eq!(list(0), "");
        assert!(shown(0b10, 1) && !shown(0b10, 0) && !shown(0xff, 8));
    }
}
