//! One overlay's edit of the document, format-preserving ([`toml_edit`]): the key's value is
//! replaced in place (keeping its comment), an optional key the file leaves out is added to its
//! table, or an array item is removed; every other line stays as written.

use toml_edit::{DocumentMut, Item, TableLike, Value};

use super::{ITEM_KEYS, REMOVE};

/// Sets (or, for [`REMOVE`] at an array item, removes) what `path` names; on failure, what is
/// wrong and what exists there.
pub(super) fn set(
    document: &mut DocumentMut,
    path: &str,
    value: &toml::Value,
) -> Result<(), (String, String)> {
    let segments: Vec<&str> = path.split('.').collect();
    let mut table: &mut dyn TableLike = document.as_table_mut();
    let mut walked = String::new();
    // The path of table keys alone (item names left out), as the format's reference names it.
    let mut field = String::new();
    let mut i = 0;
    loop {
        let key = segments[i];
        let last = i + 1 == segments.len();
        let parent = field.clone();
        extend(&mut field, key);
        let optional_key = last && crate::raw::describe(&field).is_some();
        if !table.contains_key(key) && !optional_key {
            let present = table.iter().map(|(name, _)| name.to_string()).collect();
            return Err(unknown(&walked, key, with_format_keys(present, &parent)));
        }
        if last {
            put(table, key, to_edit_value(value));
            return Ok(());
        }
        extend(&mut walked, key);
        i += 1;
        let item = table.get_mut(key).expect("checked above");
        if item.is_table_like() {
            table = item.as_table_like_mut().expect("a table");
            continue;
        }
        let name = segments[i];
        let names = item_names(item).ok_or_else(|| not_a_table(&walked))?;
        let index = find_item(&names, name).ok_or_else(|| {
            let listed = names.iter().enumerate();
            let listed =
                listed.map(|(index, (first, _))| first.clone().unwrap_or(index.to_string()));
            unknown(&walked, name, listed.collect())
        })?;
        extend(&mut walked, name);
        i += 1;
        if i == segments.len() {
            if value.as_str() == Some(REMOVE) {
                remove_item(item, index);
                return Ok(());
            }
            return Err((
                format!("`{walked}` names an item, not a key"),
                format!("a key of the item, e.g. `{walked}.id`, or `{walked}={REMOVE}`"),
            ));
        }
        table = item_mut(item, index).ok_or_else(|| not_a_table(&walked))?;
    }
}

/// Puts `value` at `key`: in place of the value there (keeping its spacing and comment), else
/// as a new key of the table.
fn put(table: &mut dyn TableLike, key: &str, mut value: Value) {
    match table.get_mut(key) {
        Some(Item::Value(old)) => {
            *value.decor_mut() = old.decor().clone();
            *old = value;
        }
        Some(item) => *item = Item::Value(value),
        None => {
            table.insert(key, Item::Value(value));
        }
    }
}

/// A value of the `toml` crate as a value of the editor.
fn to_edit_value(value: &toml::Value) -> Value {
    match value {
        toml::Value::String(text) => Value::from(text.as_str()),
        toml::Value::Integer(number) => Value::from(*number),
        toml::Value::Float(number) => Value::from(*number),
        toml::Value::Boolean(flag) => Value::from(*flag),
        toml::Value::Datetime(when) => Value::from(*when),
        toml::Value::Array(items) => Value::Array(items.iter().map(to_edit_value).collect()),
        toml::Value::Table(table) => Value::InlineTable(
            table
                .iter()
                .map(|(key, value)| (key.as_str(), to_edit_value(value)))
                .collect(),
        ),
    }
}

/// For each item of an array (of tables, or of inline tables): its first item key's value, and
/// whether any item key's value is each name — `None` when `item` is no array.
type ItemNames = Vec<(Option<String>, Vec<String>)>;

fn item_names(item: &Item) -> Option<ItemNames> {
    let names = |table: Option<&dyn TableLike>| {
        let values: Vec<String> = ITEM_KEYS
            .iter()
            .filter_map(|key| table?.get(key)?.as_str().map(str::to_string))
            .collect();
        (values.first().cloned(), values)
    };
    match item {
        Item::ArrayOfTables(items) => Some(
            items
                .iter()
                .map(|table| names(Some(table as &dyn TableLike)))
                .collect(),
        ),
        Item::Value(Value::Array(items)) => Some(
            items
                .iter()
                .map(|value| names(value.as_inline_table().map(|t| t as &dyn TableLike)))
                .collect(),
        ),
        _ => None,
    }
}

/// The index of the item named `name` (by an item key, else by a 0-based position).
fn find_item(names: &ItemNames, name: &str) -> Option<usize> {
    names
        .iter()
        .position(|(_, all)| all.iter().any(|value| value == name))
        .or_else(|| name.parse::<usize>().ok().filter(|&i| i < names.len()))
}

fn remove_item(item: &mut Item, index: usize) {
    match item {
        Item::ArrayOfTables(items) => {
            items.remove(index);
        }
        Item::Value(Value::Array(items)) => {
            items.remove(index);
        }
        _ => {}
    }
}

fn item_mut(item: &mut Item, index: usize) -> Option<&mut dyn TableLike> {
    match item {
        Item::ArrayOfTables(items) => items.get_mut(index).map(|t| t as &mut dyn TableLike),
        Item::Value(Value::Array(items)) => items
            .get_mut(index)?
            .as_inline_table_mut()
            .map(|t| t as &mut dyn TableLike),
        _ => None,
    }
}

/// The keys a table has, then the keys the format allows there that it leaves out.
fn with_format_keys(mut present: Vec<String>, field: &str) -> Vec<String> {
    for key in crate::schema::format_keys(field) {
        if !present.contains(&key) {
            present.push(key);
        }
    }
    present
}

pub(super) fn extend(walked: &mut String, segment: &str) {
    if !walked.is_empty() {
        walked.push('.');
    }
    walked.push_str(segment);
}

fn unknown(walked: &str, segment: &str, existing: Vec<String>) -> (String, String) {
    let full = if walked.is_empty() {
        segment.to_string()
    } else {
        format!("{walked}.{segment}")
    };
    let place = if walked.is_empty() {
        "the top level".to_string()
    } else {
        format!("`{walked}`")
    };
    (
        format!("unknown overlay path `{full}`: `{segment}` is not in {place}"),
        format!("one of: {}", existing.join(", ")),
    )
}

fn not_a_table(walked: &str) -> (String, String) {
    (
        format!("`{walked}` is a value, not a table"),
        format!("a path ending at `{walked}`"),
    )
}
