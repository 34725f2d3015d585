//! Parameters for reading a whole list with the ID cursor (bitrix24.md §5.4), pure.
//!
//! The fast way through a big list: order by `ID` ascending, filter `>ID` the last id seen,
//! `start=-1` (no count). Cursor pages travel in a batch, where each page can name the
//! previous page's last id with `$result[pN][49][ID]`: one request fetches up to 50 pages.

use serde_json::{Map, Value, json};

/// Rows per page: fixed by Bitrix24.
pub const PAGE_SIZE: usize = 50;

/// How a list method spells "order by ID" and "ID greater than".
///
/// ```
/// use bx24::IdCursor;
/// use serde_json::json;
/// let params = IdCursor::Upper.page(json!({"UF_DEPARTMENT": 3}).as_object().unwrap(), Some(json!(120)));
/// assert_eq!(params, json!({"UF_DEPARTMENT": 3, "SORT": "ID", "ORDER": "ASC", ">ID": 120, "start": -1}));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdCursor {
    /// `user.get` style: `SORT`/`ORDER`, filter keys at the top level or in `FILTER`.
    Upper,
    /// `crm.*.list` style: `order: {ID: ASC}`, `filter: {">ID": …}`.
    Lower,
}

impl IdCursor {
    /// Parameters for one page: the first (`after: None`, counted, so `total` is known) or
    /// a cursor page after the id `after` (a number or a `$result[…]` reference).
    ///
    /// ```
    /// use bx24::IdCursor;
    /// use serde_json::{json, Map};
    /// let first = IdCursor::Lower.page(&Map::new(), None);
    /// assert_eq!(first, json!({"order": {"ID": "ASC"}}));
    /// ```
    pub fn page(self, base: &Map<String, Value>, after: Option<Value>) -> Value {
        let mut params = base.clone();
        match self {
            Self::Upper => {
                params.insert("SORT".into(), json!("ID"));
                params.insert("ORDER".into(), json!("ASC"));
                if let Some(after) = after {
                    match params.get_mut("FILTER") {
                        Some(Value::Object(filter)) => {
                            filter.insert(">ID".into(), after);
                        }
                        _ => {
                            params.insert(">ID".into(), after);
                        }
                    }
                    params.insert("start".into(), json!(-1));
                }
            }
            Self::Lower => {
                params.insert("order".into(), json!({"ID": "ASC"}));
                if let Some(after) = after {
                    let filter = params
                        .entry("filter")
                        .or_insert_with(|| Value::Object(Map::new()));
                    if !filter.is_object() {
                        *filter = Value::Object(Map::new());
                    }
                    if let Value::Object(filter) = filter {
                        filter.insert(">ID".into(), after);
                    }
                    params.insert("start".into(), json!(-1));
                }
            }
        }
        Value::Object(params)
    }
}

/// The id of a list row: `ID` or `id`, as a number or a decimal string.
///
/// ```
/// use bx24::row_id;
/// use serde_json::json;
/// assert_eq!(row_id(&json!({"ID": "42"})), Some(42));
/// assert_eq!(row_id(&json!({"id": 7})), Some(7));
/// assert_eq!(row_id(&json!({"NAME": "x"})), None);
/// ```
pub fn row_id(row: &Value) -> Option<u64> {
    let id = row.get("ID").or_else(|| row.get("id"))?;
    match id {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// How many cursor pages the next request should carry: enough for the rows still
/// expected (when the total is known) and one more, at most `per_request` and 50. Cursor
/// pages carry no `next`, and a total may lie: the page past the total is what says the
/// list has ended, in the same request.
///
/// ```
/// use bx24::pages_needed;
/// assert_eq!(pages_needed(Some(5_000), 50, 50), 50);
/// assert_eq!(pages_needed(Some(120), 50, 50), 3);
/// assert_eq!(pages_needed(None, 50, 10), 10);
/// ```
pub fn pages_needed(total: Option<u64>, loaded: usize, per_request: usize) -> usize {
    let cap = per_request.clamp(1, super::batch::MAX_BATCH_COMMANDS);
    match total {
        // Past its total (rows were added, or the count lied): no longer a guide.
        Some(total) if loaded as u64 >= total => cap,
        Some(total) => ((total as usize - loaded).div_ceil(PAGE_SIZE) + 1).clamp(1, cap),
        None => cap,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upper_cursor_goes_into_an_explicit_filter() {
        let base = json!({"FILTER": {"UF_DEPARTMENT": 3}, "ADMIN_MODE": true});
        let params = IdCursor::Upper.page(
            base.as_object().unwrap(),
            Some(json!("$result[p0][49][ID]")),
        );
        assert_eq!(
            params,
            json!({
                "FILTER": {"UF_DEPARTMENT": 3, ">ID": "$result[p0][49][ID]"},
                "ADMIN_MODE": true, "SORT": "ID", "ORDER": "ASC", "start": -1
            })
        );
    }

    #[test]
    fn first_page_is_counted() {
        let params = IdCursor::Upper.page(&Map::new(), None);
        assert_eq!(params, json!({"SORT": "ID", "ORDER": "ASC"}));
        assert!(params.get("start").is_none());
    }

    #[test]
    fn lower_cursor_merges_into_filter() {
        let base = json!({"filter": {"=ACTIVE": "Y"}});
        let params = IdCursor::Lower.page(base.as_object().unwrap(), Some(json!(9)));
        assert_eq!(
            params,
            json!({"filter": {"=ACTIVE": "Y", ">ID": 9}, "order": {"ID": "ASC"}, "start": -1})
        );
        let junk = json!({"filter": "nonsense"});
        let params = IdCursor::Lower.page(junk.as_object().unwrap(), Some(json!(9)));
        assert_eq!(params["filter"], json!({">ID": 9}));
    }

    #[test]
    fn page_counts() {
        assert_eq!(pages_needed(Some(5_000), 50, 50), 50);
        assert_eq!(
            pages_needed(Some(5_000), 2_550, 50),
            50,
            "49 and the one past"
        );
        assert_eq!(pages_needed(Some(51), 50, 50), 2);
        // The total was passed (rows were added meanwhile, or it lied): it no longer guides.
        assert_eq!(pages_needed(Some(10), 50, 50), 50);
        assert_eq!(pages_needed(Some(10_000), 0, 500), 50);
        assert_eq!(pages_needed(None, 0, 0), 1);
    }

    #[test]
    fn row_ids() {
        assert_eq!(row_id(&json!({"ID": " 12 "})), Some(12));
        assert_eq!(row_id(&json!({"ID": -1})), None);
        assert_eq!(row_id(&json!({"ID": "x"})), None);
        assert_eq!(row_id(&json!([1])), None);
    }
}
